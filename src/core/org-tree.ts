// The region as a tree of organisations (region → nämnder → förvaltningar → staber or enheter),
// built from each organisation's `parentCode`. Pure: the store reads the Organisations list, the
// plan format reads a document's `organisations`, and both get the same tree and the same refusals.
import type { Organisation } from './model';
import { ORGANISATION_KIND } from './vocabularies';

export interface OrganisationNode {
  readonly organisation: Organisation;
  /** In the order the organisations were given. */
  readonly children: readonly OrganisationNode[];
  /** 0 for a root. */
  readonly depth: number;
}

export interface OrganisationTree {
  /** Organisations without a parent, or whose parent is not among those given. */
  readonly roots: readonly OrganisationNode[];
  readonly byCode: ReadonlyMap<string, OrganisationNode>;
  /** Parents named but not given (the organisation is then a root): worth a warning, not a refusal. */
  readonly missingParents: ReadonlyArray<{ readonly code: string; readonly parentCode: string }>;
}

export type OrganisationTreeProblem =
  | { readonly kind: 'duplicate'; readonly code: string; readonly message: string }
  | { readonly kind: 'cycle'; /** The codes around the cycle, starting and ending with the same one. */ readonly cycle: readonly string[]; readonly message: string };

export type OrganisationTreeResult = { readonly ok: true; readonly tree: OrganisationTree } | { readonly ok: false; readonly problems: readonly OrganisationTreeProblem[] };

/** Codes compare as the lists' unique Code column does: without case. */
function codeKey(code: string): string {
  return code.toLowerCase();
}

function nameOf(org: Organisation): string {
  return org.kind ? `${ORGANISATION_KIND[org.kind].sv.toLowerCase()}en ${org.code}` : org.code;
}

/**
 * The tree of `orgs`. Refused, with every problem in Swedish, when a code is given twice or a chain
 * of parents returns to where it started (an organisation cannot lie under itself).
 */
export function organisationTree(orgs: readonly Organisation[]): OrganisationTreeResult {
  const problems: OrganisationTreeProblem[] = [];
  const byKey = new Map<string, Organisation>();
  for (const org of orgs) {
    if (byKey.has(codeKey(org.code))) problems.push({ kind: 'duplicate', code: org.code, message: `organisationen ${org.code} finns redan` });
    else byKey.set(codeKey(org.code), org);
  }
  problems.push(...cycles(byKey));
  if (problems.length > 0) return { ok: false, problems };

  const childrenOf = new Map<string, Organisation[]>();
  const roots: Organisation[] = [];
  const missingParents: Array<{ code: string; parentCode: string }> = [];
  for (const org of byKey.values()) {
    const parentKey = org.parentCode === undefined ? undefined : codeKey(org.parentCode);
    if (parentKey === undefined || !byKey.has(parentKey)) {
      if (org.parentCode !== undefined) missingParents.push({ code: org.code, parentCode: org.parentCode });
      roots.push(org);
    } else {
      childrenOf.set(parentKey, [...(childrenOf.get(parentKey) ?? []), org]);
    }
  }
  const byCode = new Map<string, OrganisationNode>();
  const node = (organisation: Organisation, depth: number): OrganisationNode => {
    const built: OrganisationNode = { organisation, depth, children: (childrenOf.get(codeKey(organisation.code)) ?? []).map((c) => node(c, depth + 1)) };
    byCode.set(organisation.code, built);
    return built;
  };
  return { ok: true, tree: { roots: roots.map((r) => node(r, 0)), byCode, missingParents } };
}

/** Every cycle once, each named by its codes in parent order. */
function cycles(byKey: ReadonlyMap<string, Organisation>): OrganisationTreeProblem[] {
  const problems: OrganisationTreeProblem[] = [];
  const settled = new Set<string>();
  for (const start of byKey.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let key: string | undefined = start;
    while (key !== undefined && !settled.has(key) && byKey.has(key)) {
      if (onPath.has(key)) {
        const codes = path.slice(onPath.get(key)).map((k) => byKey.get(k)?.code ?? k);
        const cycle = [...codes, codes[0] ?? ''];
        const first = byKey.get(key);
        problems.push({
          kind: 'cycle',
          cycle,
          message: `${first ? nameOf(first) : key} kan inte ligga under sig själv: ${cycle.join(' → ')} (överordnad efter överordnad)`,
        });
        break;
      }
      onPath.set(key, path.length);
      path.push(key);
      const parent: string | undefined = byKey.get(key)?.parentCode;
      key = parent === undefined ? undefined : codeKey(parent);
    }
    path.forEach((k) => settled.add(k));
  }
  return problems;
}

/** The organisation's parent, its parent's parent, … up to its root; empty for a root or an unknown code. */
export function ancestors(tree: OrganisationTree, code: string): Organisation[] {
  const chain: Organisation[] = [];
  let parentCode = nodeOf(tree, code)?.organisation.parentCode;
  while (parentCode !== undefined) {
    const parent = nodeOf(tree, parentCode);
    if (!parent) break;
    chain.push(parent.organisation);
    parentCode = parent.organisation.parentCode;
  }
  return chain;
}

/** Everything under the organisation, depth first (a child, then its children, then the next child). */
export function descendants(tree: OrganisationTree, code: string): Organisation[] {
  const under: Organisation[] = [];
  const walk = (node: OrganisationNode) =>
    node.children.forEach((child) => {
      under.push(child.organisation);
      walk(child);
    });
  const start = nodeOf(tree, code);
  if (start) walk(start);
  return under;
}

/** The organisation's children, in the order given; empty for a leaf or an unknown code. */
export function childrenOf(tree: OrganisationTree, code: string): Organisation[] {
  return (nodeOf(tree, code)?.children ?? []).map((c) => c.organisation);
}

/** Every organisation of the tree, depth first from the roots. */
export function flattenTree(tree: OrganisationTree): Array<{ readonly organisation: Organisation; readonly depth: number }> {
  const all: Array<{ organisation: Organisation; depth: number }> = [];
  const walk = (node: OrganisationNode) => {
    all.push({ organisation: node.organisation, depth: node.depth });
    node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return all;
}

/**
 * Why `code` may not be moved under `newParentCode`, in Swedish, or undefined when it may: the
 * tab's check before it writes a new parent, by the same rule the tree refuses cycles with.
 */
export function moveRefusal(orgs: readonly Organisation[], code: string, newParentCode: string | undefined): string | undefined {
  if (newParentCode === undefined) return undefined;
  if (codeKey(newParentCode) === codeKey(code)) return `${code} kan inte ligga under sig själv`;
  const moved = orgs.map((o): Organisation => (codeKey(o.code) === codeKey(code) ? { ...o, parentCode: newParentCode } : o));
  const result = organisationTree(moved);
  if (result.ok) return undefined;
  return result.problems.map((p) => p.message).join('; ');
}

function nodeOf(tree: OrganisationTree, code: string): OrganisationNode | undefined {
  const exact = tree.byCode.get(code);
  if (exact) return exact;
  for (const [c, node] of tree.byCode) if (codeKey(c) === codeKey(code)) return node;
  return undefined;
}
