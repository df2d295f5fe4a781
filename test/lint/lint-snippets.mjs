// Lints code snippets as if they were files of the project and prints the errors of our own rules
// (malkoll/*) per snippet, as JSON. Used by the tests here (Jest cannot load ESM configs).
// Reads a JSON array on stdin; each entry is either
//   { file, code }   one file linted in place of the repository (nothing is written), or
//   { files, lint }  a small tree ({ path: code }) written to a temporary folder and linted there,
//                    for rules that read the files an import leads to (import cycles).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const overrideConfigFile = path.join(root, 'test/lint/eslint.config.mjs');
const inRepository = new ESLint({ cwd: root, overrideConfigFile });

const ours = (result) =>
  (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId?.startsWith('malkoll/')).map((m) => m.message);

async function lintTree(files, lint) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-lint-'));
  try {
    for (const [file, code] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile });
    const [result] = await eslint.lintFiles([path.join(dir, lint)]);
    return ours(result);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const snippet of JSON.parse(input)) {
  if (snippet.files) {
    out.push(await lintTree(snippet.files, snippet.lint));
  } else {
    const [result] = await inRepository.lintText(snippet.code, { filePath: path.join(root, snippet.file) });
    out.push(ours(result));
  }
}
process.stdout.write(JSON.stringify(out));
