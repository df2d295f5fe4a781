// Unsaved drafts survive a reload, a crash or a closed tab: kept in localStorage while they differ
// from what is saved, removed once saved. Nothing typed is lost, whatever failed.
import type { Draft } from './editor-model';

const PREFIX = 'malkoll.draft:';

export function draftKey(parts: { planKey: string; kind: string; ref: string; periodKey: string; upn: string }): string {
  return `${PREFIX}${parts.upn.toLowerCase()}|${parts.planKey}|${parts.kind}|${parts.ref}|${parts.periodKey}`;
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.valueText !== 'string' || typeof draft.comment !== 'string') return undefined;
    return draft as Draft;
  } catch {
    return undefined;
  }
}

export function storeDraft(key: string, draft: Draft | undefined): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the draft still lives in the open form.
  }
}

/** What the user last saw of each entry (its eTag): tells "reported" from "changed since". */
const SEEN = 'malkoll.seen:';

export function seenETag(key: string): string | undefined {
  try {
    return localStorage.getItem(`${SEEN}${key}`) ?? undefined;
  } catch {
    return undefined;
  }
}

export function markSeen(key: string, eTag: string): void {
  try {
    localStorage.setItem(`${SEEN}${key}`, eTag);
  } catch {
    // Only the "changed since" marker depends on this.
  }
}
