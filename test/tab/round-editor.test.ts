/** @jest-environment jsdom */
// The reporting round in the editor as people meet it: the reporter marks klar and finds the entry
// read-only, the controller sends back (with a comment, always) or approves. The write API is a
// stand-in that applies the round's real rules; the browser tests drive the real one.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry, RoundRole } from '../../src/core';
import { applyEdit, applyRoundAction, isController } from '../../src/core';
import type { EntrySave, FollowUpStore, LoadedPlan, PeopleFound, RoundStep, RoundWriteResult, SavedReport, SaveResult, StoredEntry } from '../../src/store';
import { EntryEditor } from '../../src/tab/editor/entry-editor';
import type { EditorSubject } from '../../src/tab/editor/editor-model';
import type { RoundWriter } from '../../src/tab/editor/use-round-step';
import { SV } from '../../src/ui';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const REPORTER = 'johan.ekstrom@region.example';
const CONTROLLER = 'elin.strom@region.example';
const subject: EditorSubject = { kind: 'indicator', ref: 'g1-i1', title: 'Telefontillgänglighet', indicator: { valueType: 'numeric', direction: 'increase', target: 90, unit: '%' } };
const plan = {
  organisation: { code: 'RS', name: 'Regionstyrelsen', controllerUpns: [CONTROLLER] },
  plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025' },
  periods: [{ key: '2025-annual', year: 2025, kind: 'annual' }],
} as unknown as LoadedPlan;
const directory: Record<string, string> = { [REPORTER]: 'Johan Ekström', [CONTROLLER]: 'Elin Ström' };

const stored = (entry: FollowUpEntry, eTag: string): StoredEntry => ({ ...entry, itemId: '7', eTag, subjectItemId: '3' });
const draft = stored({ subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 84, comment: 'Bra år', state: 'draft', stateByUpn: REPORTER, stateAt: '2025-12-01T09:30:00Z' }, '"1"');
const done = stored({ ...draft, state: 'done', stateByUpn: REPORTER, stateAt: '2025-12-02T10:05:00Z' }, '"2"');

interface Setup {
  readonly upn: string;
  readonly current?: StoredEntry;
  /** Answers a step instead of the rules (a conflict, say). */
  readonly answer?: (step: string) => RoundWriteResult | undefined;
}

/** The editor with a write API that moves entries by the round's rules, as the API does. */
function setup({ upn, current, answer }: Setup) {
  localStorage.clear();
  const role: RoundRole = isController(upn, { controllers: [CONTROLLER] }) ? 'controller' : 'reporter';
  let eTag = Number((current?.eTag ?? '"0"').replace(/"/g, ''));
  const next = () => `"${(eTag += 1)}"`;
  const steps: Array<{ action: string; base?: string | undefined; comment?: string | undefined }> = [];
  const saves: EntrySave[] = [];
  const round: RoundWriter = {
    roundStep: async (_plan: LoadedPlan, action, step: RoundStep, comment?: string): Promise<RoundWriteResult> => {
      steps.push({ action, base: step.base?.eTag, comment });
      const answered = answer?.(action);
      if (answered) return answered;
      const moved = applyRoundAction(step.base, action, { actor: { role }, byUpn: upn, now: new Date('2025-12-03T08:00:00Z'), comment });
      if (!moved.ok) return { status: 'refused', refusal: moved.refusal };
      return { status: 'saved', saved: stored(moved.entry, next()) };
    },
  };
  const store = {
    saveEntry: async (_p: LoadedPlan, save: EntrySave): Promise<SaveResult<SavedReport>> => {
      saves.push(save);
      const applied = applyEdit(save.base, save.edit, { subject, period: { key: save.periodKey }, reportedByUpn: upn, now: new Date(), actorRole: role, confirmed: true });
      if (!applied.ok) return { status: 'refused', refusal: applied.refusal };
      return { status: 'saved', saved: { entry: stored(applied.entry, next()) } };
    },
    people: (request: { users?: readonly string[] }) =>
      Promise.resolve({
        users: new Map((request.users ?? []).map((u) => [u, { found: { id: u, upn: u, displayName: directory[u] ?? u, accountEnabled: true, isContact: false } }])),
        managers: new Map(),
      } as PeopleFound),
    entryVersions: async () => [],
  } as unknown as FollowUpStore;
  const onSaved = jest.fn();
  render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(EntryEditor, { store, plan, subject, periodKey: '2025-annual', upn, strings: SV, language: 'sv', round, onSaved, onClose: () => undefined, ...(current ? { current } : {}) }),
    ),
  );
  return { steps, saves, onSaved, user: userEvent.setup() };
}

const button = (name: string | RegExp) => screen.queryByRole('button', { name });
const stateShown = () => screen.getByTestId('round-state').textContent ?? '';

describe('the reporting round in the editor', () => {
  it('shows a reporter "Markera som klar" for a saved entry, and neither "Godkänn" nor "Skicka tillbaka"', async () => {
    setup({ upn: REPORTER, current: draft });
    expect(button('Markera som klar')).toBeTruthy();
    expect(button('Godkänn')).toBeNull();
    expect(button('Skicka tillbaka')).toBeNull();
    expect(stateShown()).toContain('Utkast');
    // People by name, never by address.
    await waitFor(() => expect(stateShown()).toContain('Sparad av Johan Ekström'));
    expect(stateShown()).not.toContain('@');
  });

  it('offers nothing to mark before anything is reported, and "Spara och markera klar" once something is typed', async () => {
    const { user, saves, steps } = setup({ upn: REPORTER });
    expect(stateShown()).toContain('Ej påbörjad');
    expect(button(/markera/i)).toBeNull();
    await user.type(screen.getByLabelText('Utfall'), '84');
    await user.click(screen.getByRole('button', { name: 'Spara och markera klar' }));
    expect(await screen.findByText('Markerad som klar.')).toBeTruthy();
    expect(saves).toHaveLength(1);
    expect(steps).toEqual([{ action: 'mark-done', base: '"1"', comment: undefined }]);
    expect(stateShown()).toContain('Klar');
  });

  it('after "Markera som klar" the entry is read-only to the reporter: fields disabled, Spara disabled, a line saying why, and "Öppna igen"', async () => {
    const { user, steps, onSaved } = setup({ upn: REPORTER, current: draft });
    await user.click(screen.getByRole('button', { name: 'Markera som klar' }));
    expect(await screen.findByText('Markerad som klar.')).toBeTruthy();
    expect(steps[0]).toEqual({ action: 'mark-done', base: '"1"', comment: undefined });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ state: 'done' }));
    expect((screen.getByLabelText('Utfall') as HTMLInputElement).matches(':disabled')).toBe(true);
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(true);
    expect((screen.getByRole('button', { name: 'Spara' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/markerad som klar och kan inte ändras\. Öppna den igen/)).toBeTruthy();
    expect(button('Markera som klar')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Öppna igen' }));
    expect(await screen.findByText(/Öppnad igen/)).toBeTruthy();
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(false);
  });

  it('opens a klar entry read-only to its reporter', () => {
    setup({ upn: REPORTER, current: done });
    expect((screen.getByLabelText('Utfall') as HTMLInputElement).matches(':disabled')).toBe(true);
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(true);
    expect(button('Öppna igen')).toBeTruthy();
    expect(button('Godkänn')).toBeNull();
  });

  it('shows the controller "Skicka tillbaka" and "Godkänn" for a klar entry, with the fields still open to correct', () => {
    setup({ upn: CONTROLLER, current: done });
    expect(button('Skicka tillbaka')).toBeTruthy();
    expect(button('Godkänn')).toBeTruthy();
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(false);
  });

  it('"Skicka tillbaka" asks for a comment and sends nothing without one', async () => {
    const { user, steps } = setup({ upn: CONTROLLER, current: done });
    await user.click(screen.getByRole('button', { name: 'Skicka tillbaka' }));
    const box = screen.getByRole('textbox', { name: /Vad behöver ändras\?/ });
    expect(document.activeElement).toBe(box);
    await user.click(screen.getByRole('button', { name: 'Skicka tillbaka med kommentaren' }));
    expect(screen.getByText('Skriv en kommentar som säger vad som behöver ändras.')).toBeTruthy();
    expect(steps).toHaveLength(0);
    await user.type(box, 'Ange källan för utfallet.');
    await user.click(screen.getByRole('button', { name: 'Skicka tillbaka med kommentaren' }));
    expect(await screen.findByText('Skickad tillbaka till rapportören.')).toBeTruthy();
    expect(steps).toEqual([{ action: 'send-back', base: '"2"', comment: 'Ange källan för utfallet.' }]);
    expect(stateShown()).toContain('Återremitterad');
    expect(screen.getByTestId('return-comment').textContent).toContain('Ange källan för utfallet.');
    await waitFor(() => expect(screen.getByTestId('return-comment').textContent).toContain('Återremitterad av Elin Ström'));
  });

  it('the reporter sees a send-back\'s comment prominently and can edit again', () => {
    const returned = stored({ ...done, state: 'returned', stateByUpn: CONTROLLER, stateAt: '2025-12-03T08:00:00Z', returnComment: 'Ange källan.' }, '"3"');
    setup({ upn: REPORTER, current: returned });
    expect(screen.getByTestId('return-comment').textContent).toContain('Ange källan.');
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(false);
    expect(button('Markera som klar')).toBeTruthy();
  });

  it('"Godkänn" makes the entry read-only to everyone but a controller', async () => {
    const { user } = setup({ upn: CONTROLLER, current: done });
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    expect(await screen.findByText('Godkänd.')).toBeTruthy();
    expect(stateShown()).toContain('Godkänd');
    expect(button('Godkänn')).toBeNull();
    // The controller may still correct it.
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(false);
  });

  it('an approved entry is read-only to its reporter, with the reason', () => {
    setup({ upn: REPORTER, current: stored({ ...done, state: 'approved', stateByUpn: CONTROLLER }, '"4"') });
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).matches(':disabled')).toBe(true);
    expect(screen.getByText(/godkänd och kan bara ändras av planens controller/)).toBeTruthy();
    expect(button('Öppna igen')).toBeNull();
  });

  it('a refusal shows the API\'s Swedish message at the step, and nothing typed is lost', async () => {
    const { user } = setup({ upn: REPORTER, current: draft, answer: () => ({ status: 'refused', refusal: { code: 'role', message: 'Du kan inte rapportera för Telefontillgänglighet: den ägs av Anna Berg.' } }) });
    await user.type(screen.getByLabelText('Kommentar'), ' och mer');
    await user.click(screen.getByRole('button', { name: 'Spara och markera klar' }));
    // The save went through the stand-in store; the step was refused.
    expect(await screen.findByText(/den ägs av Anna Berg/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('den ägs av Anna Berg');
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).value).toBe('Bra år och mer');
    expect(stateShown()).not.toContain('Klar');
  });

  it('a conflict on a step shows the saved version and keeps what is typed', async () => {
    const theirs = stored({ ...draft, comment: 'Deras text', state: 'done', stateByUpn: CONTROLLER, stateAt: '2025-12-02T12:00:00Z' }, '"9"');
    const { user } = setup({ upn: CONTROLLER, current: done, answer: (step) => (step === 'approve' ? { status: 'conflict', server: theirs, mine: done } : undefined) });
    await user.type(screen.getByLabelText('Kommentar'), ' — min rättelse');
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    expect(await screen.findByText('Någon annan har ändrat under tiden')).toBeTruthy();
    expect(screen.getByTestId('step-conflict-theirs').textContent).toContain('Deras text');
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).value).toBe('Bra år — min rättelse');
  });
});
