// The layer table of docs/architecture.md is a lint error, not a convention.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const refused: Array<[file: string, code: string, message: string]> = [
  ['src/core/x.ts', "import { a } from '../graph/client';", "Layer 'core' may not import from layer 'graph'"],
  ['src/core/deep/x.ts', "export * from '../../store/repo';", "Layer 'core' may not import from layer 'store'"],
  ['src/report/x.ts', "import { b } from '../excel/writer';", "Layer 'report' may not import from layer 'excel'"],
  ['src/graph/x.ts', "import { c } from '../emulator';", "Layer 'graph' may not import from layer 'emulator'"],
  ['src/tab/x.ts', "import { d } from '../jobs/notify/run';", "Layer 'tab' may not import from layer 'jobs'"],
  ['src/emulator/x.ts', "import { e } from '../store/repo';", "Layer 'emulator' may not import from layer 'store'"],
  ['src/ui/x.ts', "const f = require('../store/repo');", "Layer 'ui' may not import from layer 'store'"],
  ['src/lists/x.ts', "const g = import('../store/repo');", "Layer 'lists' may not import from layer 'store'"],
  ['src/core/x.ts', "import { readFile } from 'node:fs/promises';", "Layer 'core' is pure"],
  ['src/report/x.ts', "import http from 'http';", "Layer 'report' is pure"],
  ['src/newlayer/x.ts', 'export const x = 1;', "'src/newlayer' is not a layer"],
];

const allowed: Array<[file: string, code: string]> = [
  ['src/graph/x.ts', "import { a } from '../core/model';"],
  ['src/store/x.ts', "import { a } from '../lists/schema';\nimport { b } from '../graph/client';"],
  ['src/tab/x.ts', "import { a } from '../ui/strings';\nimport { b } from '../store/repo';"],
  ['src/emulator/x.ts', "import { a } from '../core/model';\nimport { b } from './server/router';"],
  ['src/cli/x.ts', "import { a } from '../emulator';\nimport { b } from '../jobs/notify/run';"],
  ['src/jobs/notify/x.ts', "import { a } from '../../store/repo';"],
  ['test/x.ts', "import { a } from '../src/emulator';"],
];

let results: string[][] = [];

beforeAll(() => {
  const snippets = [...refused, ...allowed].map(([file, code]) => ({ file, code }));
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-snippets.mjs')], { input: JSON.stringify(snippets), encoding: 'utf8' });
  results = JSON.parse(output) as string[][];
});

describe('layer rules', () => {
  test.each(refused.map((c, i) => [...c, i] as const))('%s: %s is refused', (_file, _code, expected, i) => {
    expect((results[i] ?? []).join('\n')).toContain(expected);
  });

  test.each(allowed.map((c, i) => [...c, refused.length + i] as const))('%s: %s is allowed', (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
