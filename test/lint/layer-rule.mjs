// The dependency direction of ARCHITECTURE.md as a lint rule: a module may import only from the
// layers its own layer lists. Test files and the command line may import anything.
import path from 'node:path';

/** layer -> the layers it may import (besides itself). */
export const LAYERS = {
  core: [],
  graph: ['core'],
  lists: ['core', 'graph'],
  store: ['core', 'graph', 'lists'],
  report: ['core'],
  excel: ['core', 'report'],
  auth: [],
  ui: ['core'],
  tab: ['core', 'graph', 'lists', 'store', 'report', 'excel', 'auth', 'ui'],
  addin: ['core', 'graph', 'lists', 'store', 'report', 'excel', 'auth', 'ui'],
  jobs: ['core', 'graph', 'store', 'auth'],
  emulator: ['core'],
  cli: ['*'],
};

/** Layers that must stay pure: no Node built-ins, no I/O. */
const PURE = new Set(['core', 'report']);

function layerOf(root, file) {
  const rel = path.relative(path.join(root, 'src'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process', 'os', 'path', 'crypto', 'worker_threads', 'dgram', 'tls'].includes(spec);
}

export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer table of ARCHITECTURE.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      forbidden: "Layer '{{from}}' may not import from layer '{{to}}' (allowed: {{allowed}}). See docs/architecture.md.",
      impure: "Layer '{{from}}' is pure: no Node built-ins or I/O ('{{spec}}').",
      unknownLayer: "'src/{{from}}' is not a layer of docs/architecture.md; add it to the table first.",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    if (!(from in LAYERS)) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unknownLayer', data: { from } });
        },
      };
    }
    const allowed = LAYERS[from];
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (PURE.has(from) && isNodeBuiltin(spec)) {
        context.report({ node, messageId: 'impure', data: { from, spec } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const to = layerOf(root, path.resolve(path.dirname(file), spec));
      if (!to || to === from || allowed.includes('*') || allowed.includes(to)) return;
      context.report({ node, messageId: 'forbidden', data: { from, to, allowed: allowed.join(', ') || 'none' } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
