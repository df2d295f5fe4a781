// The region as a tree: children in order, ancestors and descendants, cycles and duplicates refused.
import { ancestors, childrenOf, descendants, flattenTree, moveRefusal, organisationTree } from '../../src/core';
import type { Organisation, OrganisationTree } from '../../src/core';

const region: readonly Organisation[] = [
  { code: 'RF', name: 'Regionfullmäktige', kind: 'region' },
  { code: 'RS', name: 'Regionstyrelsen', kind: 'board', parentCode: 'RF' },
  { code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF' },
  { code: 'RK', name: 'Regionkansliet', kind: 'staff', parentCode: 'RS' },
  { code: 'HSF', name: 'Hälso- och sjukvårdsförvaltningen', kind: 'administration', parentCode: 'HSN' },
  { code: 'HSF-AK', name: 'Akutkliniken', kind: 'unit', parentCode: 'HSF' },
];

function tree(orgs: readonly Organisation[]): OrganisationTree {
  const result = organisationTree(orgs);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.tree;
}

describe('organisationTree', () => {
  it('puts each organisation under its parent, in the order given, with its depth', () => {
    const t = tree(region);
    expect(t.roots.map((r) => r.organisation.code)).toEqual(['RF']);
    expect(childrenOf(t, 'RF').map((o) => o.code)).toEqual(['RS', 'HSN']);
    expect(flattenTree(t).map((n) => `${'  '.repeat(n.depth)}${n.organisation.code}`)).toEqual(['RF', '  RS', '    RK', '  HSN', '    HSF', '      HSF-AK']);
    expect(t.missingParents).toEqual([]);
  });

  it('gives the chain of parents up to the region, and everything under an organisation', () => {
    const t = tree(region);
    expect(ancestors(t, 'HSF-AK').map((o) => o.code)).toEqual(['HSF', 'HSN', 'RF']);
    expect(ancestors(t, 'RF')).toEqual([]);
    expect(descendants(t, 'HSN').map((o) => o.code)).toEqual(['HSF', 'HSF-AK']);
    expect(descendants(t, 'RF').map((o) => o.code)).toEqual(['RS', 'RK', 'HSN', 'HSF', 'HSF-AK']);
    expect(descendants(t, 'RK')).toEqual([]);
    // Codes compare without case, as the lists' Code column does.
    expect(ancestors(t, 'rk').map((o) => o.code)).toEqual(['RS', 'RF']);
  });

  it('makes an organisation whose parent is not given a root, and says so', () => {
    const t = tree([{ code: 'RK', name: 'Regionkansliet', parentCode: 'RS' }]);
    expect(t.roots.map((r) => r.organisation.code)).toEqual(['RK']);
    expect(t.missingParents).toEqual([{ code: 'RK', parentCode: 'RS' }]);
  });

  it('refuses a chain of parents that comes back to where it started, naming it', () => {
    const result = organisationTree([
      { code: 'A', name: 'A', kind: 'administration', parentCode: 'C' },
      { code: 'B', name: 'B', parentCode: 'A' },
      { code: 'C', name: 'C', parentCode: 'B' },
      { code: 'D', name: 'D', parentCode: 'A' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'cycle', cycle: ['A', 'C', 'B', 'A'] });
    expect(result.problems[0]?.message).toBe('förvaltningen A kan inte ligga under sig själv: A → C → B → A (överordnad efter överordnad)');
  });

  it('refuses an organisation that is its own parent, and a code given twice', () => {
    const self = organisationTree([{ code: 'X', name: 'X', parentCode: 'x' }]);
    expect(self.ok ? [] : self.problems.map((p) => p.kind)).toEqual(['cycle']);
    const twice = organisationTree([
      { code: 'RS', name: 'Regionstyrelsen' },
      { code: 'rs', name: 'Regionstyrelsen igen' },
    ]);
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual(['organisationen rs finns redan']);
  });
});

describe('moveRefusal', () => {
  it('allows a move that keeps the tree a tree and refuses one under the organisation itself or its descendants', () => {
    expect(moveRefusal(region, 'RK', 'HSN')).toBeUndefined();
    expect(moveRefusal(region, 'RK', undefined)).toBeUndefined();
    expect(moveRefusal(region, 'HSN', 'HSN')).toBe('HSN kan inte ligga under sig själv');
    expect(moveRefusal(region, 'HSN', 'HSF-AK')).toMatch(/^nämnden HSN kan inte ligga under sig själv: HSN → HSF-AK → HSF → HSN/);
  });
});
