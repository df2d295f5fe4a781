// The organisation tree and the references between plans, as a document states them: a tree
// without cycles, `givenBy` naming another plan, `contributesTo` only under a parent, and a
// weighted roll-up weighed by a numeric styrtal of the document.
import { compact } from '../compact';
import { planKey } from '../follow-up-rules';
import type { Organisation } from '../model';
import { organisationTree } from '../org-tree';
import type { ValidationIssue } from './checks';
import type { OrganisationDoc, PlanDocument } from './types';

/** A document's organisation as the model holds it. */
export function organisationFromDoc(o: OrganisationDoc): Organisation {
  return compact({
    code: o.code,
    name: o.name,
    kind: o.kind,
    parentCode: o.parentCode ?? undefined,
    managerUpn: o.managerUpn ?? undefined,
    controllerUpns: o.controllers?.length ? o.controllers : undefined,
  });
}

export function checkTree(doc: PlanDocument, issues: ValidationIssue[]): void {
  checkOrganisations(doc, issues);
  checkPlanReferences(doc, issues);
}

function sameCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function checkOrganisations(doc: PlanDocument, issues: ValidationIssue[]): void {
  const listed = doc.organisations ?? [];
  if (listed.length === 0) return;
  const own = doc.organisation;
  listed.forEach((o, i) => {
    if (!sameCode(o.code, own.code)) return;
    const differs = o.name !== own.name || (o.kind ?? null) !== (own.kind ?? null) || (o.parentCode ?? null) !== (own.parentCode ?? null);
    if (differs) issues.push({ path: `organisations[${i}]`, message: `${o.code} är planens egen organisation; namn, kind och parentCode ska vara desamma som i organisation` });
  });
  const paths = new Map<string, string>();
  const orgs: Organisation[] = [];
  if (!listed.some((o) => sameCode(o.code, own.code))) {
    orgs.push(organisationFromDoc(own));
    paths.set(own.code.toLowerCase(), 'organisation');
  }
  listed.forEach((o, i) => {
    const key = o.code.toLowerCase();
    if (paths.has(key) && paths.get(key) !== 'organisation') {
      issues.push({ path: `organisations[${i}].code`, message: `organisationen ${o.code} finns redan (${paths.get(key) ?? ''})` });
      return;
    }
    paths.set(key, `organisations[${i}]`);
    orgs.push(organisationFromDoc(o));
  });
  const result = organisationTree(orgs);
  if (result.ok) return;
  for (const problem of result.problems) {
    if (problem.kind !== 'cycle') continue;
    const first = problem.cycle[0] ?? '';
    issues.push({ path: `${paths.get(first.toLowerCase()) ?? 'organisations'}.parentCode`, message: problem.message });
  }
}

function checkPlanReferences(doc: PlanDocument, issues: ValidationIssue[]): void {
  const ownKey = planKey(doc.organisation.code, doc.year);
  const numeric = new Set((doc.goals ?? []).flatMap((g) => (g.indicators ?? []).filter((i) => i.valueType === 'numeric').map((i) => i.ref)));
  const hasParent = typeof doc.organisation.parentCode === 'string' && doc.organisation.parentCode !== '';
  const givenBySelf = (given: { plan: string } | undefined, path: string) => {
    if (given && sameCode(given.plan, ownKey)) issues.push({ path: `${path}.givenBy.plan`, message: `${given.plan} är den här planen; givenBy namnger en annan plan (regionfullmäktiges, som RF:${doc.year})` });
  };
  (doc.goals ?? []).forEach((g, i) => {
    const path = `goals[${i}]`;
    givenBySelf(g.givenBy, path);
    if (g.contributesTo && !hasParent) {
      issues.push({ path: `${path}.contributesTo`, message: 'ett mål bidrar till den överordnade organisationens mål: ange organisation.parentCode' });
    }
    (g.indicators ?? []).forEach((ind, j) => {
      const at = `${path}.indicators[${j}]`;
      givenBySelf(ind.givenBy, at);
      const r = ind.rollUp;
      if (r?.method === 'weighted' && r.weightedBy !== ind.ref && !numeric.has(r.weightedBy)) {
        issues.push({ path: `${at}.rollUp.weightedBy`, message: `ref ${JSON.stringify(r.weightedBy)} är inte ett numeriskt styrtal i planen` });
      }
    });
    (g.assignments ?? []).forEach((a, j) => givenBySelf(a.givenBy, `${path}.assignments[${j}]`));
  });
}
