// The plan editor's writes besides the form: moving an item up or down among its siblings and
// removing one (with the question first), each through the write API with the eTags of the
// versions shown; then the plan is loaded again and focus goes where the user will look next.
import { useEffect, useState } from 'react';
import type { PlanItemParent } from '../../core';
import type { LoadedPlan, StoredPlanItem } from '../../store';
import type { Strings } from '../../ui';
import type { ListKind } from './plan-structure';
import { apiKind, movedRefs, removalAsks, siblingsOf } from './plan-structure';
import type { RemovalQuestion } from './removal-panel';
import type { PlanWrites } from './plan-writes';
import { messageOf } from './plan-writes';

export interface Announcement {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
}

export interface PendingRemoval extends RemovalQuestion {
  readonly listKind: ListKind;
  readonly item: StoredPlanItem;
  readonly parent?: PlanItemParent | undefined;
  /** The question was the API's: the next send is confirmed. */
  readonly fromApi: boolean;
}

/** Where focus goes once the plan is shown again: a row's button, or a list's add button. */
export const rowButton = (listKind: ListKind, ref: string, action: 'edit' | 'up' | 'down' | 'remove') => `[data-plan-item="${listKind}:${ref}"] [data-action="${action}"]`;
export const addButton = (listKind: ListKind, parent: PlanItemParent | undefined) => `[data-add="${listKind}:${parent?.ref ?? ''}"]`;

export function usePlanEdits({ plan, writes, strings, onChanged }: { plan: LoadedPlan; writes: PlanWrites | undefined; strings: Strings; onChanged: () => Promise<void> }) {
  const s = strings.planEditor;
  const [announcement, setAnnouncement] = useState<Announcement | undefined>();
  const [removal, setRemoval] = useState<PendingRemoval | undefined>();
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<string | undefined>();

  useEffect(() => {
    if (!focusAfter) return;
    const target = document.querySelector<HTMLElement>(focusAfter);
    if (target) {
      target.focus();
      setFocusAfter(undefined);
    }
  }, [focusAfter, plan]);

  const move = async (listKind: ListKind, parent: PlanItemParent | undefined, item: StoredPlanItem, step: -1 | 1) => {
    if (!writes || busy) return;
    const siblings = siblingsOf(plan, listKind, parent);
    const refs = movedRefs(
      siblings.map((t) => t.ref),
      siblings.findIndex((t) => t.ref === item.ref),
      step,
    );
    if (!refs) return;
    setBusy(true);
    setAnnouncement(undefined);
    try {
      const eTags = Object.fromEntries(siblings.map((t) => [t.ref, t.eTag]));
      const result = await writes.reorderPlanItems(plan, { kind: apiKind(listKind), ...(parent ? { parent } : {}), refs, eTags });
      if (result.status === 'refused') {
        setAnnouncement({ intent: 'error', text: s.failed(result.issues.map((i) => i.message).join(' ')) });
        return;
      }
      await onChanged();
      setAnnouncement(result.status === 'saved' ? { intent: 'success', text: s.moved(item.title) } : { intent: 'warning', text: s.moveConflict });
      setFocusAfter(rowButton(listKind, item.ref, step < 0 ? 'up' : 'down'));
    } catch (error) {
      setAnnouncement({ intent: 'error', text: s.failed(messageOf(error)) });
    } finally {
      setBusy(false);
    }
  };

  const send = async (pending: PendingRemoval, confirmed: boolean) => {
    if (!writes) return;
    const { listKind, item, parent } = pending;
    setRemoval({ ...pending, working: true });
    setBusy(true);
    setAnnouncement(undefined);
    try {
      const result = await writes.removePlanItem(plan, { kind: apiKind(listKind), ref: item.ref, eTag: item.eTag, confirmed });
      if (result.status === 'needs-confirmation') {
        setRemoval({ ...pending, text: result.message, archives: result.reportedPeriods.length > 0, working: false, fromApi: true });
        return;
      }
      setRemoval(undefined);
      if (result.status === 'refused') {
        setAnnouncement({ intent: 'error', text: s.failed(result.issues.map((i) => i.message).join(' ')) });
        setFocusAfter(rowButton(listKind, item.ref, 'remove'));
        return;
      }
      await onChanged();
      if (result.status === 'conflict') {
        setAnnouncement({ intent: 'warning', text: s.removeConflict(item.title) });
        setFocusAfter(rowButton(listKind, item.ref, 'remove'));
        return;
      }
      setAnnouncement({ intent: 'success', text: result.archived.length > 0 ? s.archived(item.title) : s.removed(item.title) });
      setFocusAfter(addButton(listKind, parent));
    } catch (error) {
      setRemoval(undefined);
      setAnnouncement({ intent: 'error', text: s.failed(messageOf(error)) });
    } finally {
      setBusy(false);
    }
  };

  /** "Ta bort": the editor asks when the plan shows nothing reported and nothing under it; otherwise the API's question comes first. */
  const startRemoval = (listKind: ListKind, item: StoredPlanItem, parent: PlanItemParent | undefined) => {
    const pending: PendingRemoval = { listKind, item, parent, text: s.removeQuestion(item.title), archives: false, working: false, fromApi: false };
    if (removalAsks(plan, apiKind(listKind), item.ref)) void send({ ...pending, text: s.removing }, false);
    else setRemoval(pending);
  };

  const confirmRemoval = () => {
    if (removal && !removal.working) void send(removal, removal.fromApi);
  };

  const cancelRemoval = () => {
    if (!removal) return;
    setFocusAfter(rowButton(removal.listKind, removal.item.ref, 'remove'));
    setRemoval(undefined);
  };

  return { announcement, setAnnouncement, removal, busy, move, startRemoval, confirmRemoval, cancelRemoval, focusAfter: setFocusAfter };
}
