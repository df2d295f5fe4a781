// The reporting round: an item's state in a period (ej påbörjad → utkast → klar → godkänd, or
// återremitterad) and who may move it. The store enforces these rules on every write, so no view
// can mark, approve or edit around them.
import { compact } from './compact';
import type { FollowUpEntry } from './model';
import type { EntryState, ItemState } from './vocabularies';
import { ITEM_STATE } from './vocabularies';

export type { EntryState, ItemState } from './vocabularies';

export type RoundAction = 'save' | 'mark-done' | 'reopen' | 'send-back' | 'approve';
export type RoundRole = 'reporter' | 'controller';

export interface RoundActor {
  readonly role: RoundRole;
}

export interface RoundRefusal {
  /** `state`: not from this state; `role`: not by this person's role; `comment-required`: a send-back without a comment. */
  readonly code: 'state' | 'role' | 'comment-required';
  readonly message: string;
}

export type TransitionResult = { readonly ok: true; readonly next: ItemState } | { readonly ok: false; readonly refusal: RoundRefusal };

/** The values a report holds; an entry with none of them is as good as none. */
const REPORTED_FIELDS = ['value', 'level', 'reference', 'assessment', 'trend', 'status', 'comment'] as const;

/** The state an entry is in: none (or an empty one) is not started; one saved before the round began is a draft. */
export function itemStateOf(entry: FollowUpEntry | undefined): ItemState {
  if (!entry) return 'not-started';
  if (entry.state) return entry.state;
  return REPORTED_FIELDS.some((field) => entry[field] !== undefined) ? 'draft' : 'not-started';
}

/** Klar or godkänd: what reminders stop chasing and the overview's "inte klar" filter leaves out. */
export function isFinished(state: ItemState): boolean {
  return state === 'done' || state === 'approved';
}

export function itemStateLabel(state: ItemState): string {
  return ITEM_STATE[state].sv;
}

const refuse = (code: RoundRefusal['code'], message: string): TransitionResult => ({ ok: false, refusal: { code, message } });
const to = (next: ItemState): TransitionResult => ({ ok: true, next });

export const ROUND_MESSAGES = {
  doneIsReadOnly: 'Uppföljningen är markerad som klar. Öppna den igen om något behöver ändras.',
  approvedIsReadOnly: 'Uppföljningen är godkänd och kan bara ändras av en controller.',
  nothingToMarkDone: 'Det finns inget rapporterat att markera som klart. Spara först.',
  alreadyDone: 'Uppföljningen är redan markerad som klar.',
  alreadyApproved: 'Uppföljningen är redan godkänd.',
  notDone: 'Uppföljningen är inte markerad som klar; den går redan att ändra.',
  approvedReopenByController: 'Uppföljningen är godkänd; bara en controller kan öppna den igen.',
  sendBackByController: 'Bara en controller kan återremittera en uppföljning.',
  sendBackNeedsDone: 'Bara en uppföljning som är klar eller godkänd kan återremitteras.',
  sendBackNeedsComment: 'Skriv en kommentar som säger vad som behöver ändras.',
  approveByController: 'Bara en controller kan godkänna en uppföljning.',
  approveNeedsDone: 'Bara en uppföljning som är markerad som klar kan godkännas.',
} as const;

/**
 * Where an action takes an item, or why not. A klar entry changes only after it is reopened or sent
 * back (a controller may still correct it, as the add-in's write-back does); an approved one only
 * by a controller. A save of an item not yet klar makes it a draft.
 */
export function transition(current: ItemState, action: RoundAction, actor: RoundActor, details: { readonly comment?: string | undefined } = {}): TransitionResult {
  const controller = actor.role === 'controller';
  switch (action) {
    case 'save':
      if (current === 'done') return controller ? to('done') : refuse('state', ROUND_MESSAGES.doneIsReadOnly);
      if (current === 'approved') return controller ? to('approved') : refuse('role', ROUND_MESSAGES.approvedIsReadOnly);
      return to('draft');
    case 'mark-done':
      if (current === 'not-started') return refuse('state', ROUND_MESSAGES.nothingToMarkDone);
      if (current === 'done') return refuse('state', ROUND_MESSAGES.alreadyDone);
      if (current === 'approved') return refuse('state', ROUND_MESSAGES.alreadyApproved);
      return to('done');
    case 'reopen':
      if (current === 'approved') return controller ? to('draft') : refuse('role', ROUND_MESSAGES.approvedReopenByController);
      if (current !== 'done') return refuse('state', ROUND_MESSAGES.notDone);
      return to('draft');
    case 'send-back':
      if (!controller) return refuse('role', ROUND_MESSAGES.sendBackByController);
      if (current !== 'done' && current !== 'approved') return refuse('state', ROUND_MESSAGES.sendBackNeedsDone);
      if (!details.comment?.trim()) return refuse('comment-required', ROUND_MESSAGES.sendBackNeedsComment);
      return to('returned');
    case 'approve':
      if (!controller) return refuse('role', ROUND_MESSAGES.approveByController);
      if (current === 'approved') return refuse('state', ROUND_MESSAGES.alreadyApproved);
      if (current !== 'done') return refuse('state', ROUND_MESSAGES.approveNeedsDone);
      return to('approved');
  }
}

export type RoundStepResult = { readonly ok: true; readonly entry: FollowUpEntry } | { readonly ok: false; readonly refusal: RoundRefusal };

/**
 * The entry after a round action other than a save (mark klar, reopen, send back, approve): the
 * state, who set it and when; a send-back's comment, which stays until the entry is klar again.
 */
export function applyRoundAction(
  base: FollowUpEntry | undefined,
  action: Exclude<RoundAction, 'save'>,
  context: { readonly actor: RoundActor; readonly byUpn: string; readonly now: Date; readonly comment?: string | undefined },
): RoundStepResult {
  const moved = transition(itemStateOf(base), action, context.actor, { comment: context.comment });
  if (!moved.ok) return moved;
  // Only 'not-started' has no entry, and no action leads out of it: a base exists here.
  if (!base || moved.next === 'not-started') return { ok: false, refusal: { code: 'state', message: ROUND_MESSAGES.nothingToMarkDone } };
  const { returnComment, ...rest } = base;
  const next: EntryState = moved.next;
  const kept = next === 'returned' ? context.comment?.trim() : next === 'done' || next === 'approved' ? undefined : returnComment;
  return { ok: true, entry: { ...rest, ...compact({ state: next, stateByUpn: context.byUpn, stateAt: context.now.toISOString(), returnComment: kept }) } };
}
