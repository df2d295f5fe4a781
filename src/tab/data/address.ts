// The tab's state in its address: plan, period, view and the open item, so a reload, the browser's
// back button and a shared link land where the person was. Other parameters (as, theme, locale,
// asOf) are kept as they are.
import type { SubjectKind } from '../../core';
import { SUBJECT_KINDS } from '../../core';
import type { TodoFilter, ViewName } from './link-target';
import { VIEWS } from './link-target';
import type { OpenTarget } from '../views/item-link';

export interface Address {
  readonly planKey?: string;
  readonly periodKey?: string;
  readonly view?: ViewName;
  readonly editing?: OpenTarget;
  /** Att göra's filter (`filter=inte-klar`), as a reminder's link opens it. */
  readonly filter?: TodoFilter;
}

const NOT_DONE = 'inte-klar';

export function readAddress(search: string): Address {
  const params = new URLSearchParams(search);
  const plan = params.get('plan');
  const period = params.get('period');
  const view = params.get('view');
  const filter = params.get('filter');
  const [kind, ...ref] = (params.get('item') ?? '').split(':');
  const editing = kind && (SUBJECT_KINDS as readonly string[]).includes(kind) && ref.length > 0 ? { kind: kind as SubjectKind, ref: ref.join(':') } : undefined;
  return {
    ...(plan ? { planKey: plan } : {}),
    ...(period ? { periodKey: period } : {}),
    ...(view && (VIEWS as readonly string[]).includes(view) ? { view: view as ViewName } : {}),
    ...(editing ? { editing } : {}),
    ...(filter === NOT_DONE ? { filter: 'not-done' as const } : {}),
  };
}

/** The search string for `address`, keeping the parameters that are not the tab's state. */
export function searchFor(address: Address, current: string): string {
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | undefined) => (value ? params.set(name, value) : params.delete(name));
  set('plan', address.planKey);
  set('period', address.periodKey);
  set('view', address.view);
  set('item', address.editing ? `${address.editing.kind}:${address.editing.ref}` : undefined);
  set('filter', address.filter === 'not-done' ? NOT_DONE : undefined);
  params.delete('subPageId');
  const text = params.toString();
  return text ? `?${text}` : '';
}
