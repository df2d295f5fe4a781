// Who the recipients are in Entra ID: each owner's account, and for escalated actions the owner's
// manager (Graph's manager relation, else the organisation's ManagerUpn from the lists). All
// lookups of a run go out together through the store's people lookup ($batch, 20 a batch).
import type { FollowUpStore, PersonLookup } from '../../store';

export interface Person {
  readonly upn: string;
  readonly displayName: string;
  readonly id: string;
}

/** A person found, or why not (Swedish, for the run's report). */
export type Lookup = { readonly person: Person } | { readonly problem: string };

export interface Directory {
  /** The owner's account. */
  owner(upn: string | undefined): Lookup;
  /** The owner's manager: Graph's, else the organisation's, never the owner themself. */
  manager(ownerUpn: string | undefined, organisationManagerUpn: string | undefined): Lookup;
}

export interface DirectoryRequest {
  readonly owners: readonly string[];
  /** Owners whose manager is needed. */
  readonly managersOf: readonly string[];
  /** Organisations' ManagerUpn values that may be needed as the fallback. */
  readonly organisationManagers: readonly string[];
}

const key = (upn: string): string => upn.trim().toLowerCase();

function asLookup(lookup: PersonLookup | undefined, missing: string): Lookup {
  if (!lookup) return { problem: 'Inget svar på uppslagningen.' };
  if ('missing' in lookup) return { problem: missing };
  if ('failed' in lookup) return { problem: `Uppslagningen misslyckades (${lookup.failed.status}): ${lookup.failed.message}` };
  const person = lookup.found;
  if (person.isContact) return { problem: 'Chefen är en kontakt, inte ett konto.' };
  if (!person.accountEnabled) return { problem: `Kontot ${person.upn} är avstängt.` };
  return { person: { upn: person.upn, displayName: person.displayName, id: person.id } };
}

export async function resolveDirectory(store: Pick<FollowUpStore, 'people'>, request: DirectoryRequest): Promise<Directory> {
  const found = await store.people({ users: [...request.owners, ...request.organisationManagers], managersOf: request.managersOf });
  const users = new Map([...found.users].map(([upn, lookup]) => [upn, asLookup(lookup, `Kontot ${upn} finns inte i Entra ID.`)]));
  const managers = new Map([...found.managers].map(([upn, lookup]) => [upn, asLookup(lookup, 'Ingen chef i Entra ID.')]));
  return directoryOf(users, managers);
}

/** The directory over lookups already made (also what tests build by hand). */
export function directoryOf(users: ReadonlyMap<string, Lookup>, managers: ReadonlyMap<string, Lookup>): Directory {
  const owner = (upn: string | undefined): Lookup => {
    if (!upn) return { problem: 'Åtgärden saknar ansvarig.' };
    return users.get(key(upn)) ?? { problem: `Kontot ${upn} har inte slagits upp.` };
  };
  return {
    owner,
    manager(ownerUpn, organisationManagerUpn) {
      const graph = ownerUpn ? managers.get(key(ownerUpn)) : undefined;
      if (graph && 'person' in graph && key(graph.person.upn) !== key(ownerUpn ?? '')) return graph;
      const why = graph && 'problem' in graph ? graph.problem : 'Ingen chef i Entra ID.';
      if (!organisationManagerUpn) return { problem: `${why} Organisationen har ingen chef angiven (ManagerUpn).` };
      if (ownerUpn && key(organisationManagerUpn) === key(ownerUpn)) return { problem: `${why} Organisationens chef är den ansvariga själv.` };
      const fallback = users.get(key(organisationManagerUpn));
      if (!fallback) return { problem: `${why} Organisationens chef ${organisationManagerUpn} har inte slagits upp.` };
      return 'person' in fallback ? fallback : { problem: `${why} Organisationens chef: ${fallback.problem}` };
    },
  };
}
