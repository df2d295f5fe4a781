// The dependency direction of docs/architecture.md as a lint rule: a module may import only from the
// layers and npm packages its own layer lists. Test files and the command line may import anything.
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * layer -> what it may import besides itself: `layers` (ours), `packages` (npm; `@scope/*` for a
 * whole scope, a subpath such as `pkg/sub` for that entry point only) and `types` (packages it may
 * import with `import type` only). Derived from what each layer imports; widen it here, on purpose.
 */
export const LAYERS = {
  core: { layers: [], packages: [] },
  graph: { layers: ['core'], packages: ['@microsoft/microsoft-graph-client'], types: ['@microsoft/microsoft-graph-types'] },
  lists: { layers: ['core', 'graph'], packages: [], types: ['@microsoft/microsoft-graph-types'] },
  store: { layers: ['core', 'graph', 'lists'], packages: [], types: ['@microsoft/microsoft-graph-types'] },
  report: { layers: ['core'], packages: [] },
  excel: { layers: ['core', 'report'], packages: ['exceljs'] },
  auth: { layers: ['core'], packages: ['@azure/msal-browser', '@azure/identity'] },
  ui: { layers: ['core'], packages: ['react', '@fluentui/*'] },
  // The front ends reach Graph only through the store: no graph, no lists.
  tab: {
    layers: ['core', 'store', 'report', 'excel', 'auth', 'ui'],
    // The redirect bridge is the sign-in popup's whole page, kept apart from auth's MSAL setup.
    packages: ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js', '@azure/msal-browser/redirect-bridge'],
  },
  addin: { layers: ['core', 'store', 'report', 'excel', 'auth', 'ui'], packages: ['react', 'react-dom', '@fluentui/*'] },
  jobs: { layers: ['core', 'graph', 'store', 'auth'], packages: ['@azure/functions'], types: ['@microsoft/microsoft-graph-types'] },
  // The write API writes as the app through the store; it never reaches into lists or Graph beyond the client.
  // It sends the round's notices (a send-back) through the notify job's delivery.
  api: { layers: ['core', 'graph', 'store', 'auth', 'jobs'], packages: ['@azure/functions'] },
  emulator: { layers: ['core'], packages: ['better-sqlite3'], types: ['@microsoft/microsoft-graph-types'] },
  cli: { layers: ['*'], packages: ['*'] },
};

/** Layers that must stay pure: no Node built-ins, no I/O. */
const PURE = new Set(['core', 'report']);

const BUILTINS = new Set(builtinModules);

function layerOf(root, file) {
  const rel = path.relative(path.join(root, 'src'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

/** `fs`, `fs/promises`, `node:util/types`, `node:test` (prefix-only modules are not in the list). */
export function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec);
}

function isPackage(spec) {
  return !spec.startsWith('.') && !path.isAbsolute(spec) && !isNodeBuiltin(spec);
}

function listed(entries, spec) {
  return (entries ?? []).some((entry) => {
    if (entry === '*') return true;
    if (entry.endsWith('/*')) return spec.startsWith(entry.slice(0, -1));
    return spec === entry || spec.startsWith(`${entry}/`);
  });
}

/** `import type …`, `import { type A } …`, `export type … from`, `typeof import('…')`. */
function isTypeOnly(node) {
  if (node.type === 'TSImportType') return true;
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.type === 'ImportDeclaration' ? node.specifiers : [];
  return specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
}

export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer table of docs/architecture.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      forbidden: "Layer '{{from}}' may not import from layer '{{to}}' (allowed: {{allowed}}). See docs/architecture.md.",
      impure: "Layer '{{from}}' is pure: no Node built-ins or I/O ('{{spec}}').",
      package: "Layer '{{from}}' may not import the package '{{spec}}' (allowed: {{allowed}}). See docs/architecture.md.",
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
    const rules = LAYERS[from];
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (isNodeBuiltin(spec)) {
        if (PURE.has(from)) context.report({ node, messageId: 'impure', data: { from, spec } });
        return;
      }
      if (isPackage(spec)) {
        if (listed(rules.packages, spec) || (isTypeOnly(node) && listed(rules.types, spec))) return;
        const allowed = [...rules.packages, ...(rules.types ?? []).map((t) => `${t} (types)`)];
        context.report({ node, messageId: 'package', data: { from, spec, allowed: allowed.join(', ') || 'none' } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const to = layerOf(root, path.resolve(path.dirname(file), spec));
      if (!to || to === from || listed(rules.layers, to)) return;
      context.report({ node, messageId: 'forbidden', data: { from, to, allowed: rules.layers.join(', ') || 'none' } });
    }
    const literal = (node) => (node?.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      // typescript-eslint 8 puts the specifier in `argument` (a literal type); later versions in `source`.
      TSImportType: (node) => check(node, literal(node.source) ?? literal(node.argument?.literal)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, literal(node.arguments[0]));
      },
    };
  },
};
