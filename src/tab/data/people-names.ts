// People by name, never by UPN: one batched lookup through the store for the names a view needs,
// remembered for the session. Where the directory has no name, the account's local part stands in
// (never an address).
import { useEffect, useState } from 'react';
import type { FollowUpStore } from '../../store';
import { foundPerson, upnKey } from '../../store';

const known = new Map<string, string>();

export function localName(upn: string): string {
  return upn.split('@')[0] ?? upn;
}

export function nameOf(upn: string | undefined): string {
  if (!upn) return '';
  return known.get(upnKey(upn)) ?? localName(upn);
}

/** Looks up the names not known yet; re-renders once they are. */
export function usePeopleNames(store: Pick<FollowUpStore, 'people'>, upns: ReadonlyArray<string | undefined>): (upn: string | undefined) => string {
  const wanted = [...new Set(upns.filter((u): u is string => Boolean(u)).map(upnKey))].filter((u) => !known.has(u));
  const key = wanted.join('|');
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (wanted.length === 0) return;
    let live = true;
    store.people({ users: wanted }).then(
      (found) => {
        for (const upn of wanted) known.set(upn, foundPerson(found.users.get(upn))?.displayName ?? localName(upn));
        if (live) setVersion((v) => v + 1);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // `key` stands for `wanted`'s content.
  }, [store, key]);
  return nameOf;
}
