// Deep links to one item: Teams hands the tab `page.subPageId`; notifications (issue 7) build the
// same text. Format: `<planKey>/<kind>/<ref>[/<periodKey>]`, e.g. `RS:2025/action/r1-a1`. Short on
// purpose: Teams on Windows refuses deep links over 1 900 characters.
import type { SubjectKind } from '../../core';
import { isCode, SUBJECT_KINDS } from '../../core';

export interface DeepLinkTarget {
  readonly planKey: string;
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly periodKey?: string;
}

export function subPageIdFor(target: DeepLinkTarget): string {
  return [target.planKey, target.kind, target.ref, ...(target.periodKey ? [target.periodKey] : [])].join('/');
}

export function parseSubPageId(text: string | undefined): DeepLinkTarget | undefined {
  if (!text) return undefined;
  const [planKey, kind, ref, periodKey] = text.split('/');
  if (!planKey || !ref || !isCode(SUBJECT_KINDS, kind) || !/^[^:]+:\d{4}$/.test(planKey)) return undefined;
  return { planKey, kind, ref, ...(periodKey ? { periodKey } : {}) };
}

/** A Teams deep link to the personal tab, opening one item (for notifications and sharing). */
export function teamsDeepLink(appId: string, entityId: string, target: DeepLinkTarget): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: subPageIdFor(target) }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?context=${context}`;
}
