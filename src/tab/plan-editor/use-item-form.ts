// One item's form in the plan editor: the fields as typed, the one validator's messages as the
// user types (each shown once its field was touched, or after a save was tried), and the save
// through the write API with the eTag of the version the user started from. A conflict keeps what
// was typed and shows the saved version beside it; the API's refusals land at the same fields.
import { useMemo, useState } from 'react';
import type { PlanItemIssue } from '../../core';
import type { LoadedPlan, StoredPlanItem } from '../../store';
import type { Strings } from '../../ui';
import type { FormField, FormSubject, ItemForm } from './item-form-model';
import { draftOf, formIssues, formOf, newForm } from './item-form-model';
import type { PlanWrites } from './plan-writes';
import { messageOf } from './plan-writes';

export interface ItemFormNotice {
  readonly intent: 'error' | 'warning';
  readonly text: string;
}

export interface ItemConflict {
  /** The version on the server now. */
  readonly server: StoredPlanItem;
  /** Who saved it and when, by name when the API could say. */
  readonly editedBy?: { readonly upn: string; readonly at?: string; readonly name?: string };
  /** What the user had typed when the conflict came back. */
  readonly mine: ItemForm;
}

export interface ItemFormOptions {
  readonly plan: LoadedPlan;
  readonly subject: FormSubject;
  readonly writes: PlanWrites;
  readonly strings: Strings;
  readonly onSaved: (saved: StoredPlanItem) => void;
}

/** The validator names a goal's kind `kind`; the form calls it `goalKind`. */
export function issueField(field: string): string {
  return field === 'kind' ? 'goalKind' : field;
}

export function useItemForm({ plan, subject, writes, strings, onSaved }: ItemFormOptions) {
  const [form, setForm] = useState<ItemForm>(() => (subject.mode === 'update' ? formOf(subject.kind, subject.item) : newForm(plan, subject.kind)));
  /** The version the next update starts from: the one opened, or the server's after a conflict. */
  const [base, setBase] = useState<StoredPlanItem | undefined>(subject.mode === 'update' ? subject.item : undefined);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<readonly PlanItemIssue[]>([]);
  const [notice, setNotice] = useState<ItemFormNotice | undefined>();
  const [conflict, setConflict] = useState<ItemConflict | undefined>();
  const [saving, setSaving] = useState(false);

  const issues = useMemo(() => formIssues(plan, subject, form), [plan, subject, form]);
  // A field's message shows once it was touched or a save was tried; the API's until the field changes.
  const visible = useMemo(() => {
    const own = issues.filter((i) => tried || touched.has(issueField(i.field)));
    return [...serverIssues, ...own.filter((i) => !serverIssues.some((s) => s.field === i.field))];
  }, [issues, serverIssues, tried, touched]);

  const update = (patch: Partial<ItemForm>) => {
    const fields = Object.keys(patch) as FormField[];
    setForm((old) => ({ ...old, ...patch }));
    setTouched((old) => new Set([...old, ...fields]));
    setServerIssues((old) => old.filter((i) => !fields.includes(issueField(i.field) as FormField)));
  };

  const send = async (current: ItemForm, from: StoredPlanItem | undefined): Promise<void> => {
    const { draft } = draftOf(subject.kind, current);
    setSaving(true);
    setNotice(undefined);
    try {
      const parent = subject.parent ? { parent: subject.parent } : {};
      const result =
        from === undefined
          ? await writes.createPlanItem(plan, { kind: subject.kind, draft, ...parent })
          : await writes.updatePlanItem(plan, { kind: subject.kind, ref: from.ref, draft, eTag: from.eTag, ...parent });
      if (result.status === 'saved') {
        setConflict(undefined);
        onSaved(result.saved);
      } else if (result.status === 'conflict') {
        setConflict({ server: result.server, mine: current, ...(result.editedBy ? { editedBy: result.editedBy } : {}) });
      } else {
        setServerIssues(result.issues);
        setTried(true);
        setNotice({ intent: 'error', text: strings.planEditor.fixErrors });
      }
    } catch (error) {
      setNotice({ intent: 'error', text: strings.planEditor.failed(messageOf(error)) });
    } finally {
      setSaving(false);
    }
  };

  /** Sends the form when the validator has nothing to say; otherwise shows every message. */
  const save = async (): Promise<boolean> => {
    setTried(true);
    if (issues.length > 0) {
      setNotice({ intent: 'error', text: strings.planEditor.fixErrors });
      return false;
    }
    await send(form, base);
    return true;
  };

  /** Conflict: write what I typed over the newer version (with its eTag), having seen it. */
  const keepMine = async () => {
    if (!conflict) return;
    const server = conflict.server;
    setBase(subject.mode === 'update' ? server : undefined);
    await send(conflict.mine, subject.mode === 'update' ? server : undefined);
  };

  /** Conflict: take the saved version into the form and go on from it. */
  const takeTheirs = () => {
    if (!conflict) return;
    if (subject.mode === 'update') {
      setBase(conflict.server);
      setForm(formOf(subject.kind, conflict.server));
    }
    setConflict(undefined);
    setServerIssues([]);
    setNotice(undefined);
  };

  return { form, update, issues, visible, notice, conflict, saving, save, keepMine, takeTheirs, touch: (field: string) => setTouched((old) => new Set([...old, field])) };
}

export type ItemFormState = ReturnType<typeof useItemForm>;
