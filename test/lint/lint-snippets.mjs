// Lints code snippets as if they were files of the project; reads [{file, code}] as JSON on stdin
// and prints the layer rule's messages per snippet. Used by layers.test.ts (Jest cannot load ESM configs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'test/lint/eslint.config.mjs') });
let input = '';
for await (const chunk of process.stdin) input += chunk;
const snippets = JSON.parse(input);
const out = [];
for (const { file, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push((result?.messages ?? []).filter((m) => m.ruleId === 'malkoll/layers').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
