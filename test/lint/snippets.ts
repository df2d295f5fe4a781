// Runs lint-snippets.mjs in a child process (Jest cannot load the ESM lint configuration) and
// returns our rules' errors per snippet, in order.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export type Snippet = { file: string; code: string } | { files: Record<string, string>; lint: string };

export function lintSnippets(snippets: Snippet[]): string[][] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-snippets.mjs')], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}
