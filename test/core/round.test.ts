// The reporting round on its own: an item's state, who may move it where, and what a save of a
// klar or approved entry meets.
import type { FollowUpEntry, ItemState, RoundAction } from '../../src/core';
import { ITEM_STATE, applyEdit, applyRoundAction, isFinished, itemStateOf, transition } from '../../src/core';

const now = new Date('2026-08-10T09:30:00Z');
const reporter = { role: 'reporter' as const };
const controller = { role: 'controller' as const };
const entry = (extra: Partial<FollowUpEntry> = {}): FollowUpEntry => ({ subjectKind: 'goal', subjectRef: 'g1', periodKey: '2025-annual', assessment: 'partly', ...extra });
const editContext = { subject: { kind: 'goal' as const, ref: 'g1' }, period: { key: '2025-annual' }, reportedByUpn: 'anna@region.example', now };

describe('an item’s state', () => {
  it('is ej påbörjad without an entry, utkast for an entry saved before the round, else what is stored', () => {
    expect(itemStateOf(undefined)).toBe('not-started');
    expect(itemStateOf({ subjectKind: 'goal', subjectRef: 'g1', periodKey: '2025-annual' })).toBe('not-started');
    expect(itemStateOf(entry())).toBe('draft');
    expect(itemStateOf(entry({ state: 'approved' }))).toBe('approved');
  });

  it('has the Swedish labels the round is spoken of in', () => {
    expect(Object.values(ITEM_STATE).map((s) => s.sv)).toEqual(['Ej påbörjad', 'Utkast', 'Klar', 'Godkänd', 'Återremitterad']);
  });

  it('counts as finished when klar or godkänd, not when ej påbörjad, utkast or återremitterad', () => {
    const finished = (['not-started', 'draft', 'done', 'approved', 'returned'] as const).filter(isFinished);
    expect(finished).toEqual(['done', 'approved']);
  });
});

describe('transitions', () => {
  const next = (from: ItemState, action: RoundAction, role: 'reporter' | 'controller', comment?: string) => {
    const result = transition(from, action, { role }, { comment });
    return result.ok ? result.next : result.refusal.code;
  };

  it('runs ej påbörjad → utkast → klar → godkänd', () => {
    expect(next('not-started', 'save', 'reporter')).toBe('draft');
    expect(next('draft', 'mark-done', 'reporter')).toBe('done');
    expect(next('done', 'approve', 'controller')).toBe('approved');
  });

  it('keeps a klar entry from the reporter until it is reopened or sent back', () => {
    expect(transition('done', 'save', reporter)).toEqual({ ok: false, refusal: { code: 'state', message: 'Uppföljningen är markerad som klar. Öppna den igen om något behöver ändras.' } });
    expect(next('done', 'reopen', 'reporter')).toBe('draft');
    expect(next('done', 'send-back', 'controller', 'Komplettera analysen')).toBe('returned');
    expect(next('returned', 'save', 'reporter')).toBe('draft');
    expect(next('returned', 'mark-done', 'reporter')).toBe('done');
  });

  it('lets only a controller change, reopen, send back or approve', () => {
    expect(next('approved', 'save', 'reporter')).toBe('role');
    expect(next('approved', 'reopen', 'reporter')).toBe('role');
    expect(next('approved', 'save', 'controller')).toBe('approved');
    expect(next('approved', 'reopen', 'controller')).toBe('draft');
    expect(next('done', 'approve', 'reporter')).toBe('role');
    expect(next('done', 'send-back', 'reporter', 'x')).toBe('role');
  });

  it('wants a comment on a send-back, and something reported before klar', () => {
    expect(transition('done', 'send-back', controller, { comment: '  ' })).toEqual({ ok: false, refusal: { code: 'comment-required', message: 'Skriv en kommentar som säger vad som behöver ändras.' } });
    expect(next('not-started', 'mark-done', 'reporter')).toBe('state');
    expect(next('draft', 'approve', 'controller')).toBe('state');
    expect(next('draft', 'send-back', 'controller', 'x')).toBe('state');
    expect(next('draft', 'reopen', 'reporter')).toBe('state');
  });
});

describe('applyRoundAction', () => {
  it('records who set the state and when', () => {
    expect(applyRoundAction(entry({ state: 'draft' }), 'mark-done', { actor: reporter, byUpn: 'anna@region.example', now })).toEqual({
      ok: true,
      entry: entry({ state: 'done', stateByUpn: 'anna@region.example', stateAt: '2026-08-10T09:30:00.000Z' }),
    });
  });

  it('keeps a send-back’s comment while the reporter works on it, and drops it once klar again', () => {
    const sent = applyRoundAction(entry({ state: 'done' }), 'send-back', { actor: controller, byUpn: 'ctrl@region.example', now, comment: ' Komplettera analysen ' });
    expect(sent).toMatchObject({ ok: true, entry: { state: 'returned', returnComment: 'Komplettera analysen', stateByUpn: 'ctrl@region.example' } });
    if (!sent.ok) return;
    const edited = applyEdit(sent.entry, { comment: 'Analysen kompletterad' }, editContext);
    expect(edited).toMatchObject({ ok: true, entry: { state: 'draft', returnComment: 'Komplettera analysen' } });
    if (!edited.ok) return;
    const done = applyRoundAction(edited.entry, 'mark-done', { actor: reporter, byUpn: 'anna@region.example', now });
    expect(done.ok && done.entry.returnComment).toBeUndefined();
  });

  it('refuses to mark klar what has never been reported', () => {
    expect(applyRoundAction(undefined, 'mark-done', { actor: reporter, byUpn: 'anna@region.example', now })).toMatchObject({ ok: false, refusal: { code: 'state' } });
  });
});

describe('a save in the round', () => {
  it('refuses the reporter’s edit of a klar entry and anyone’s but a controller’s of an approved one', () => {
    expect(applyEdit(entry({ state: 'done' }), { comment: 'x' }, editContext)).toEqual({
      ok: false,
      refusal: { code: 'round-state', state: 'done', message: 'Uppföljningen är markerad som klar. Öppna den igen om något behöver ändras.' },
    });
    expect(applyEdit(entry({ state: 'approved' }), { comment: 'x' }, editContext)).toMatchObject({ ok: false, refusal: { code: 'round-state', state: 'approved' } });
  });

  it('lets a controller correct a klar or approved entry without moving its state', () => {
    const approved = entry({ state: 'approved', stateByUpn: 'ctrl@region.example', stateAt: '2026-08-01T08:00:00.000Z' });
    expect(applyEdit(approved, { comment: 'Rättad siffra' }, { ...editContext, actorRole: 'controller' })).toMatchObject({
      ok: true,
      entry: { state: 'approved', stateByUpn: 'ctrl@region.example', stateAt: '2026-08-01T08:00:00.000Z', comment: 'Rättad siffra' },
    });
  });

  it('makes a first report a draft', () => {
    expect(applyEdit(undefined, { assessment: 'achieved' }, editContext)).toMatchObject({ ok: true, entry: { state: 'draft', stateByUpn: 'anna@region.example' } });
  });
});
