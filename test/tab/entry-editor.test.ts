/** @jest-environment jsdom */
// The editor as a user meets it: labels, refusals, errors that keep the text, conflicts with both
// versions. The store is a stand-in; the browser tests cover the real one.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry } from '../../src/core';
import { applyEdit } from '../../src/core';
import type { EntrySave, FollowUpStore, LoadedPlan, SavedReport, SaveResult, StoredEntry } from '../../src/store';
import { EntryEditor } from '../../src/tab/editor/entry-editor';
import type { EditorSubject } from '../../src/tab/editor/editor-model';
import { SV } from '../../src/ui';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (layout only).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const subject: EditorSubject = { kind: 'indicator', ref: 'g1-i1', title: 'Telefontillgänglighet', indicator: { valueType: 'numeric', direction: 'increase', target: 90, unit: '%' } };
const plan = { organisation: { code: 'RS' }, plan: { year: 2025, title: 'RS 2025' }, periods: [{ key: '2025-annual', year: 2025, kind: 'annual' }] } as unknown as LoadedPlan;
const saved = (entry: FollowUpEntry, eTag = '"2"'): StoredEntry => ({ ...entry, itemId: '7', eTag, subjectItemId: '3' });

type Answer = (plan: LoadedPlan, entry: FollowUpEntry, base?: { itemId: string; eTag: string }) => Promise<SaveResult<StoredEntry>>;

/** A stand-in store that applies the real rules, then answers as the test says. */
function setup(answer: Answer, current?: StoredEntry) {
  localStorage.clear();
  const calls: FollowUpEntry[] = [];
  const store = {
    saveEntry: async (p: LoadedPlan, save: EntrySave, upn: string): Promise<SaveResult<SavedReport>> => {
      const applied = applyEdit(save.base, save.edit, { subject: subject, period: { key: save.periodKey }, reportedByUpn: upn, now: new Date(), ...(save.confirmed ? { confirmed: true } : {}) });
      if (!applied.ok) return { status: 'refused', refusal: applied.refusal };
      calls.push(applied.entry);
      const result = await answer(p, applied.entry, save.base);
      if (result.status === 'saved') return { status: 'saved', saved: { entry: result.saved } };
      if (result.status === 'conflict') return { status: 'conflict', server: { entry: result.server }, mine: result.mine };
      return result;
    },
    // The editor names who saved: no directory here, so the account's name stands in.
    people: async () => ({ users: new Map(), managers: new Map() }),
  } as unknown as FollowUpStore;
  const onSaved = jest.fn();
  render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(EntryEditor, { store, plan, subject, periodKey: '2025-annual', upn: 'johan@region.example', strings: SV, language: 'sv', onSaved, onClose: () => undefined, ...(current ? { current } : {}) }),
    ),
  );
  return { calls, onSaved, user: userEvent.setup() };
}

describe('the entry editor', () => {
  it('has the labels people and screen readers look for', () => {
    setup(async (_p, entry) => ({ status: 'saved', saved: saved(entry) }));
    for (const label of ['Utfall', 'Bedömning', 'Trend', 'Kommentar']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spara' })).toBeTruthy();
  });

  it('refuses "12,3,4" with a message, sends nothing and keeps the text', async () => {
    const { calls, user } = setup(async (_p, entry) => ({ status: 'saved', saved: saved(entry) }));
    await user.type(screen.getByLabelText('Utfall'), '12,3,4');
    await user.type(screen.getByLabelText('Kommentar'), 'Min kommentar');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(screen.getByText(/mer än ett decimalkomma/)).toBeTruthy();
    expect(calls).toHaveLength(0);
    expect((screen.getByLabelText('Utfall') as HTMLInputElement).value).toBe('12,3,4');
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).value).toBe('Min kommentar');
  });

  it('shows the suggested assessment and notes when the user picks another', async () => {
    const { user } = setup(async (_p, entry) => ({ status: 'saved', saved: saved(entry) }));
    await user.type(screen.getByLabelText('Utfall'), '85');
    expect(screen.getByText(/Förslag enligt reglerna: Mindre, acceptabel avvikelse/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Bedömning'), 'achieved');
    expect(screen.getByText(/skiljer sig från förslaget/)).toBeTruthy();
  });

  it('reads 1 545 as 1545, and in a percentage asks before saving it', async () => {
    const { calls, onSaved, user } = setup(async (_p, entry) => ({ status: 'saved', saved: saved(entry) }));
    await user.type(screen.getByLabelText('Utfall'), '1 545');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Kontrollera värdet')).toBeTruthy();
    expect(screen.getAllByText(/1\s545 % är mer än 100 %/).length).toBeGreaterThan(0);
    expect(calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Spara ändå' }));
    expect(await screen.findByText('Sparat.')).toBeTruthy();
    expect(calls[0]?.value).toBe(1545);
    expect(onSaved).toHaveBeenCalled();
  });

  it('keeps everything typed when the network fails or Graph throttles', async () => {
    let failure: unknown = new TypeError('Failed to fetch');
    const { user } = setup(async () => {
      throw failure;
    });
    await user.type(screen.getByLabelText('Kommentar'), 'Lång text som inte får försvinna');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(/nätverket svarar inte/)).toBeTruthy();
    failure = Object.assign(new Error('Too many requests'), { status: 429 });
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(/överbelastad/)).toBeTruthy();
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).value).toBe('Lång text som inte får försvinna');
    // The draft is also kept in storage, for a reload.
    expect(Object.values({ ...localStorage }).some((v) => String(v).includes('Lång text som inte får försvinna'))).toBe(true);
  });

  it('on a conflict shows both versions and merging keeps both comments', async () => {
    const base = saved({ subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 78, comment: 'Start' }, '"1"');
    const server = saved({ subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 80, comment: 'Deras text' }, '"2"');
    let first = true;
    const seenBases: Array<string | undefined> = [];
    const { calls, user } = setup(async (_p, entry, from) => {
      seenBases.push(from?.eTag);
      if (first) {
        first = false;
        return { status: 'conflict', server, mine: entry };
      }
      return { status: 'saved', saved: saved(entry, '"3"') };
    }, base);
    const comment = screen.getByLabelText('Kommentar');
    await user.clear(comment);
    await user.type(comment, 'Min text');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Någon annan har sparat under tiden')).toBeTruthy();
    expect(screen.getByTestId('conflict-theirs').textContent).toContain('Deras text');
    expect(screen.getByTestId('conflict-mine').textContent).toContain('Min text');
    await user.click(screen.getByRole('button', { name: 'Slå ihop kommentarerna' }));
    expect((screen.getByLabelText('Kommentar') as HTMLTextAreaElement).value).toBe('Deras text\n\nMin text');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Sparat.')).toBeTruthy();
    expect(calls[1]?.comment).toBe('Deras text\n\nMin text');
    // The second save starts from the version the user has now seen.
    expect(seenBases).toEqual(['"1"', '"2"']);
  });
});
