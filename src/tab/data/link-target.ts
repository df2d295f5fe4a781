// Where the tab opens for a deep link (`page.subPageId`): the editor of one item over the view it
// belongs to, or Försenade åtgärder. Apart from the workspace so that a test can follow a link the
// notify job sent all the way to what the tab opens.
import { parseSubPageId } from '../../core';
import type { OpenTarget } from '../views/item-link';

/** The tab's views, as the tab bar, deep links and the address name them. */
export type ViewName = 'todo' | 'plan' | 'internal-control' | 'overdue' | 'round' | 'plan-edit' | 'children' | 'region';

export const VIEWS: readonly ViewName[] = ['todo', 'plan', 'internal-control', 'overdue', 'round', 'plan-edit', 'children', 'region'];

export interface LinkOpening {
  readonly view?: ViewName;
  /** The item whose editor opens. */
  readonly editing?: OpenTarget;
  readonly planKey?: string;
  readonly periodKey?: string;
  /** Att göra shows only what is not yet klar (a reminder's link). */
  readonly filter?: TodoFilter;
}

/** Att göra's filter as links and the address name it. */
export type TodoFilter = 'not-done';

export function openingOf(subPageId: string | undefined): LinkOpening {
  const link = parseSubPageId(subPageId);
  if (!link) return {};
  if (link.kind === 'overdue') return { view: 'overdue' };
  if (link.kind === 'todo') return { view: 'todo', planKey: link.planKey, periodKey: link.periodKey, ...(link.notDone ? { filter: 'not-done' as const } : {}) };
  return {
    // Actions live in Internkontroll; closing the editor should land there, not in Att göra.
    view: link.subjectKind === 'action' ? 'internal-control' : 'todo',
    editing: { kind: link.subjectKind, ref: link.ref },
    planKey: link.planKey,
    ...(link.periodKey ? { periodKey: link.periodKey } : {}),
  };
}
