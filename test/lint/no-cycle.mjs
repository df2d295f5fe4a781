// An import cycle is a lint error: module A importing B importing A leaves one of them half
// initialised at load (commonjs) and ties two modules together that the layer table meant apart.
// The rule follows relative imports from the linted file (static, type-only, `import()`, `require`)
// and reports the shortest cycle back to it, with its path.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx'];

/**
 * file -> { mtimeMs, edges } for the files read from disk, kept for the whole lint run (one ESLint
 * process lints the whole tree) and re-read when a file changes (editor sessions).
 */
const graph = new Map();

/** Relative specifiers as written, with their offsets; comments and strings are not imports. */
function importsOf(text) {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter((ref) => ref.fileName.startsWith('.'))
    .map((ref) => ({ spec: ref.fileName, pos: ref.pos }));
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `./x` -> x.ts, x.tsx, x/index.ts, x/index.tsx (and `./x.js` -> x.ts); undefined for anything else. */
function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  const ext = path.extname(base);
  const candidates = [
    ...(EXTENSIONS.includes(ext) ? [base] : []),
    ...(ext === '.js' || ext === '.jsx' ? EXTENSIONS.map((e) => base.slice(0, -ext.length) + e) : []),
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  return candidates.find(isFile);
}

function edgesOf(file, text) {
  return importsOf(text)
    .map((ref) => ({ ...ref, to: resolve(file, ref.spec) }))
    .filter((edge) => edge.to !== undefined);
}

function edgesOnDisk(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    graph.delete(file);
    return [];
  }
  const known = graph.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.edges;
  const edges = edgesOf(file, fs.readFileSync(file, 'utf8'));
  graph.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, edges });
  return edges;
}

/** Breadth-first from the file's own imports: the shortest path back to it, or undefined. */
function shortestCycle(file, ownEdges) {
  const cameFrom = new Map();
  const queue = [];
  for (const edge of ownEdges) {
    if (edge.to === file) return { edge, path: [file, file] };
    if (!cameFrom.has(edge.to)) {
      cameFrom.set(edge.to, { first: edge, previous: file });
      queue.push(edge.to);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    for (const { to } of edgesOnDisk(current)) {
      if (to === file) {
        const cycle = [file];
        for (let at = current; at !== file; at = cameFrom.get(at).previous) cycle.unshift(at);
        cycle.unshift(file);
        return { edge: cameFrom.get(current).first, path: cycle };
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, { first: cameFrom.get(current).first, previous: current });
        queue.push(to);
      }
    }
  }
  return undefined;
}

export const noCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between our modules' },
    schema: [],
    messages: { cycle: 'Import cycle: {{path}}. Move what both need into a module of its own.' },
  },
  create(context) {
    const file = context.filename;
    if (!EXTENSIONS.includes(path.extname(file))) return {};
    return {
      Program() {
        const { sourceCode } = context;
        const found = shortestCycle(file, edgesOf(file, sourceCode.text));
        if (!found) return;
        const start = sourceCode.getLocFromIndex(found.edge.pos);
        const end = sourceCode.getLocFromIndex(found.edge.pos + found.edge.spec.length + 2);
        const shown = found.path.map((f) => path.relative(context.cwd, f).split(path.sep).join('/'));
        context.report({ loc: { start, end }, messageId: 'cycle', data: { path: shown.join(' → ') } });
      },
    };
  },
};
