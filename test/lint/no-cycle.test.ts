// An import cycle between our modules fails lint, and the message names the whole cycle.
import { lintSnippets } from './snippets';

type Tree = Record<string, string>;

const twoFiles: Tree = {
  'src/tab/a.ts': "import { b } from './b';\nexport const a = () => b;",
  'src/tab/b.ts': "import { a } from './a';\nexport const b = () => a;",
};

// index.ts and .tsx resolution, three steps, the last one type-only
const throughIndex: Tree = {
  'src/tab/view.tsx': "import { load } from './data';\nexport const View = () => load();",
  'src/tab/data/index.ts': "export { load } from './load';",
  'src/tab/data/load.ts': "import type { View } from '../view';\nexport const load = (): typeof View | undefined => undefined;",
};

const typeOnly: Tree = {
  'src/store/a.ts': "import type { B } from './b';\nexport type A = { b?: B };",
  'src/store/b.ts': "import { type A } from './a';\nexport type B = { a?: A };",
};

const lazyImport: Tree = {
  'src/tab/shell.tsx': "import { lazy } from 'react';\nexport const Editor = lazy(() => import('./editor'));",
  'src/tab/editor.tsx': "import { Editor as Self } from './shell';\nexport default function Editor() { return Self; }",
};

// x imports into the cycle of twoFiles but is on no cycle itself
const leadingIn: Tree = { ...twoFiles, 'src/tab/x.ts': "import { a } from './a';\nexport const x = a;" };

// a diamond is not a cycle; imports in comments and strings are not imports
const diamond: Tree = {
  'src/core/a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = [b, c];",
  'src/core/b.ts': "import { d } from './d';\nexport const b = d;",
  'src/core/c.ts': "import { d } from './d';\nexport const c = d;",
  'src/core/d.ts': "// import { a } from './a';\nexport const d = \"import('./a')\";",
};

const refused: Array<[name: string, files: Tree, lint: string, message: string]> = [
  ['two files', twoFiles, 'src/tab/a.ts', 'Import cycle: src/tab/a.ts → src/tab/b.ts → src/tab/a.ts'],
  ['two files, from the other end', twoFiles, 'src/tab/b.ts', 'Import cycle: src/tab/b.ts → src/tab/a.ts → src/tab/b.ts'],
  ['through an index', throughIndex, 'src/tab/view.tsx', 'Import cycle: src/tab/view.tsx → src/tab/data/index.ts → src/tab/data/load.ts → src/tab/view.tsx'],
  ['type-only imports', typeOnly, 'src/store/a.ts', 'Import cycle: src/store/a.ts → src/store/b.ts → src/store/a.ts'],
  ['a dynamic import()', lazyImport, 'src/tab/editor.tsx', 'Import cycle: src/tab/editor.tsx → src/tab/shell.tsx → src/tab/editor.tsx'],
];

const allowed: Array<[name: string, files: Tree, lint: string]> = [
  ['a file importing into a cycle', leadingIn, 'src/tab/x.ts'],
  ['the top of a diamond', diamond, 'src/core/a.ts'],
  ['a side of a diamond', diamond, 'src/core/c.ts'],
  ['the bottom of a diamond', diamond, 'src/core/d.ts'],
];

let results: string[][] = [];

beforeAll(() => {
  results = lintSnippets([...refused, ...allowed].map(([, files, lint]) => ({ files, lint })));
});

describe('import cycles', () => {
  test.each(refused.map((c, i) => [...c, i] as const))('%s: refused', (_name, _files, _lint, expected, i) => {
    expect(results[i]).toEqual([expect.stringContaining(expected)]);
  });

  test.each(allowed.map((c, i) => [c[0], refused.length + i] as const))('%s: allowed', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});
