// Who the recipients are in Entra ID: each owner's account, and for escalated actions the owner's
// manager (Graph's manager relation, else the organisation's ManagerUpn from the lists). All
// lookups of a run go out together in $batch requests (20 per batch, two batches in flight).
import type { BatchRequest, GraphClient } from '../../graph';

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

const SELECT = '$select=id,displayName,userPrincipalName,accountEnabled';

interface DirectoryUser {
  readonly id?: string;
  readonly displayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly '@odata.type'?: string;
}

const key = (upn: string): string => upn.trim().toLowerCase();

function asLookup(status: number, body: unknown, missing: string): Lookup {
  if (status === 404) return { problem: missing };
  if (status < 200 || status > 299) {
    const message = (body as { error?: { message?: string } } | undefined)?.error?.message ?? `status ${status}`;
    return { problem: `Uppslagningen misslyckades (${status}): ${message}` };
  }
  const user = body as DirectoryUser;
  // A manager can be an organisational contact: no account to notify.
  if (user['@odata.type'] !== undefined && user['@odata.type'] !== '#microsoft.graph.user') return { problem: 'Chefen är en kontakt, inte ett konto.' };
  if (!user.id || !user.userPrincipalName) return { problem: missing };
  if (user.accountEnabled === false) return { problem: `Kontot ${user.userPrincipalName} är avstängt.` };
  return { person: { upn: user.userPrincipalName, displayName: user.displayName ?? user.userPrincipalName, id: user.id } };
}

export async function resolveDirectory(client: GraphClient, request: DirectoryRequest): Promise<Directory> {
  const userUpns = [...new Set([...request.owners, ...request.organisationManagers].map(key))];
  const managerUpns = [...new Set(request.managersOf.map(key))];
  const requests: BatchRequest[] = [
    ...userUpns.map((upn) => ({ method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}?${SELECT}` })),
    ...managerUpns.map((upn) => ({ method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}/manager?${SELECT}` })),
  ];
  const responses = requests.length === 0 ? [] : await client.batch(requests);
  const users = new Map<string, Lookup>();
  const managers = new Map<string, Lookup>();
  userUpns.forEach((upn, i) => {
    const r = responses[i];
    users.set(upn, r ? asLookup(r.status, r.body, `Kontot ${upn} finns inte i Entra ID.`) : { problem: 'Inget svar på uppslagningen.' });
  });
  managerUpns.forEach((upn, i) => {
    const r = responses[userUpns.length + i];
    managers.set(upn, r ? asLookup(r.status, r.body, 'Ingen chef i Entra ID.') : { problem: 'Inget svar på uppslagningen.' });
  });
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
