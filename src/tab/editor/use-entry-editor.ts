// The editor's state and save flow. Saves start from the eTag the user opened; a conflict keeps both
// versions; every failure leaves the form as typed (and the draft in storage).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FollowUpEntry } from '../../core';
import { planKey as planKeyOf } from '../../core';
import type { FollowUpStore, LoadedPlan, StoredAction, StoredEntry } from '../../store';
import type { Strings } from '../../ui';
import type { ConflictChoice, Draft, DraftErrors, EditorSubject, PendingConfirmation, Suggestions } from './editor-model';
import { checkDraft, classifySaveError, differsFromSuggestion, draftFrom, isDirty, resolveConflict, suggestionsFor } from './editor-model';
import { draftKey, loadDraft, markSeen, storeDraft } from './draft-storage';
import type { RoundWriter } from './use-round-step';

export interface EntryEditorInput {
  readonly store: FollowUpStore;
  readonly plan: LoadedPlan;
  readonly subject: EditorSubject;
  readonly periodKey: string;
  readonly upn: string;
  readonly current?: StoredEntry;
  /** The comparison period (the same period a year earlier) and what was reported then. */
  readonly comparison?: { readonly periodKey: string; readonly entry?: FollowUpEntry };
  readonly action?: StoredAction;
  /** The period is locked: the form is read-only and nothing is sent. */
  readonly locked?: boolean;
  /** The reporting round's steps go through the write API; without it the editor offers none. */
  readonly round?: RoundWriter | undefined;
  readonly strings: Strings;
  readonly onSaved: (entry: StoredEntry, action?: StoredAction) => void;
}

export interface Conflict {
  readonly server: StoredEntry;
  readonly theirs: Draft;
  readonly mine: Draft;
}

export interface Notice {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly text: string;
}

export function useEntryEditor(input: EntryEditorInput) {
  const { store, plan, subject, periodKey, upn, strings } = input;
  const planKey = planKeyOf(plan.organisation.code, plan.plan.year);
  const storageKey = draftKey({ planKey, kind: subject.kind, ref: subject.ref, periodKey, upn });
  const seenKey = `${planKey}|${subject.kind}|${subject.ref}|${periodKey}`;
  const [base, setBase] = useState<StoredEntry | undefined>(input.current);
  const [action, setAction] = useState<StoredAction | undefined>(input.action);
  const baseDraft = useMemo(() => draftFrom({ ...subject, ...(action ? { actionStatus: action.status } : {}) }, base), [subject, base, action]);
  const [draft, setDraft] = useState<Draft>(() => {
    const kept = loadDraft(storageKey);
    return kept && isDirty(kept, baseDraft) ? kept : baseDraft;
  });
  const [notice, setNotice] = useState<Notice | undefined>(() => {
    const kept = loadDraft(storageKey);
    return kept && isDirty(kept, baseDraft) ? { intent: 'info', text: strings.editor.restoredDraft } : undefined;
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [conflict, setConflict] = useState<Conflict | undefined>();
  /** The user's own text after choosing the saved version: still shown, so it is never lost. */
  const [setAside, setSetAside] = useState<Draft | undefined>();
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PendingConfirmation | undefined>();
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  useEffect(() => {
    if (base) markSeen(seenKey, base.eTag);
  }, [base, seenKey]);

  const update = useCallback(
    (patch: Partial<Draft>) => {
      setDraft((old) => {
        const next = { ...old, ...patch };
        storeDraft(storageKey, isDirty(next, baseDraft) ? next : undefined);
        return next;
      });
      if (patch.valueText !== undefined || patch.referenceText !== undefined) {
        setErrors({});
        setPending(undefined);
      }
    },
    [storageKey, baseDraft],
  );

  const previous = input.comparison?.entry;
  const suggestions: Suggestions = useMemo(() => suggestionsFor(subject, draft, previous), [subject, draft, previous]);
  const differs = differsFromSuggestion(draft, suggestions);

  const save = useCallback(
    async (toSave: Draft = draft, from: StoredEntry | undefined = base, confirmed = false): Promise<StoredEntry | undefined> => {
      if (input.locked) return undefined;
      const checked = checkDraft(subject, toSave);
      if (!checked.ok) {
        setErrors(checked.errors);
        setNotice({ intent: 'error', text: strings.editor.fixErrors });
        return undefined;
      }
      setErrors({});
      setPending(undefined);
      setSaving(true);
      setNotice(undefined);
      try {
        const result = await store.saveEntry(plan, { subjectKind: subject.kind, subjectRef: subject.ref, periodKey, edit: checked.edit, base: from, confirmed }, upn);
        if (result.status === 'refused') {
          const { refusal } = result;
          // The text stays as typed; an implausible value waits for the user's word.
          if (refusal.code === 'implausible') {
            setPending({ message: refusal.message, draft: toSave });
            setErrors({ value: refusal.message });
          } else if (refusal.code === 'invalid-value' && refusal.field === 'value') setErrors({ value: refusal.message });
          setNotice({ intent: refusal.code === 'implausible' ? 'warning' : 'error', text: refusal.message });
          return undefined;
        }
        if (result.status === 'conflict') {
          const serverAction = result.server.action;
          if (serverAction) setAction(serverAction);
          setConflict({ server: result.server.entry, theirs: draftFrom({ ...subject, ...(serverAction ? { actionStatus: serverAction.status } : {}) }, result.server.entry), mine: toSave });
          return undefined;
        }
        const savedAction = result.saved.action ?? action;
        storeDraft(storageKey, undefined);
        setConflict(undefined);
        setBase(result.saved.entry);
        setAction(savedAction);
        setDraft(draftFrom({ ...subject, ...(savedAction ? { actionStatus: savedAction.status } : {}) }, result.saved.entry));
        setNotice({ intent: 'success', text: strings.editor.saved });
        input.onSaved(result.saved.entry, savedAction);
        return result.saved.entry;
      } catch (error) {
        // The form is untouched: only the notice changes.
        const failure = classifySaveError(error);
        const text = failure.kind === 'network' ? strings.editor.errors.network : failure.kind === 'throttled' ? strings.editor.errors.throttled : strings.editor.errors.unknown(failure.detail);
        setNotice({ intent: 'error', text });
        return undefined;
      } finally {
        if (mounted.current) setSaving(false);
      }
    },
    [draft, base, subject, periodKey, upn, store, plan, action, storageKey, strings, input],
  );

  const choose = useCallback(
    (choice: ConflictChoice) => {
      if (!conflict) return;
      const next = resolveConflict(choice, conflict.mine, conflict.theirs);
      // From now on the save starts from the version the user has seen.
      setBase(conflict.server);
      setConflict(undefined);
      if (choice === 'keep-mine') {
        void save(conflict.mine, conflict.server);
        return;
      }
      if (choice === 'take-theirs') setSetAside(conflict.mine);
      setDraft(next);
      storeDraft(storageKey, choice === 'take-theirs' ? conflict.mine : next);
      setNotice(choice === 'merge' ? { intent: 'info', text: strings.editor.conflict.mergedNote } : undefined);
    },
    [conflict, save, storageKey, strings],
  );

  const confirm = useCallback(() => {
    if (pending) void save(pending.draft, base, true);
  }, [pending, save, base]);

  const dirty = isDirty(draft, baseDraft);
  /**
   * The entry after a round step (or the server's, after a step's conflict) becomes the base. The
   * form follows it only when nothing is typed: what someone typed is never replaced.
   */
  const adopt = useCallback(
    (entry: StoredEntry) => {
      setBase(entry);
      if (!dirty) {
        setDraft(draftFrom({ ...subject, ...(action ? { actionStatus: action.status } : {}) }, entry));
        storeDraft(storageKey, undefined);
      }
      setNotice(undefined);
      input.onSaved(entry);
    },
    [dirty, subject, action, storageKey, input],
  );

  return {
    draft,
    update,
    errors,
    notice,
    suggestions,
    differs,
    save: async () => (await save()) !== undefined,
    /** Saves and answers the saved entry, for a step that follows the save ("Spara och markera klar"). */
    saveForStep: () => save(),
    saving,
    conflict,
    choose,
    setAside,
    base,
    previous,
    action,
    pending,
    confirm,
    dirty,
    adopt,
  };
}
