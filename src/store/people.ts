// People in Entra ID behind the UPNs the lists hold: their accounts and their managers, looked up
// together in $batch round trips. The export, the tab and the notify job all ask through here.
import type { BatchRequest, GraphClient } from '../graph';

export interface DirectoryPerson {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly accountEnabled: boolean;
  /** A manager can be an organisational contact, which has no account to notify. */
  readonly isContact: boolean;
}

/** A person found, or why not: nobody (404) or a failed lookup (its status and Graph's message). */
export type PersonLookup =
  | { readonly found: DirectoryPerson }
  | { readonly missing: true }
  | { readonly failed: { readonly status: number; readonly message: string } };

export interface PeopleRequest {
  /** Whose accounts to look up. */
  readonly users?: readonly string[];
  /** Whose managers to look up. */
  readonly managersOf?: readonly string[];
}

export interface PeopleFound {
  /** By lower-case UPN. */
  readonly users: ReadonlyMap<string, PersonLookup>;
  /** By the lower-case UPN of the person whose manager it is. */
  readonly managers: ReadonlyMap<string, PersonLookup>;
}

const SELECT = '$select=id,displayName,userPrincipalName,accountEnabled';

export const upnKey = (upn: string): string => upn.trim().toLowerCase();

interface DirectoryUser {
  readonly id?: string;
  readonly displayName?: string | null;
  readonly userPrincipalName?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly '@odata.type'?: string;
}

function asLookup(status: number, body: unknown): PersonLookup {
  if (status === 404) return { missing: true };
  if (status < 200 || status > 299) {
    const message = (body as { error?: { message?: string } } | undefined)?.error?.message ?? `status ${status}`;
    return { failed: { status, message } };
  }
  const user = body as DirectoryUser;
  if (!user.id || !user.userPrincipalName) return { missing: true };
  return {
    found: {
      id: user.id,
      upn: user.userPrincipalName,
      displayName: user.displayName ?? user.userPrincipalName,
      accountEnabled: user.accountEnabled !== false,
      isContact: user['@odata.type'] !== undefined && user['@odata.type'] !== '#microsoft.graph.user',
    },
  };
}

/** Every account and manager asked for, in one set of $batch round trips (20 a batch). */
export async function lookUpPeople(client: GraphClient, request: PeopleRequest): Promise<PeopleFound> {
  const users = [...new Set((request.users ?? []).filter(Boolean).map(upnKey))];
  const managersOf = [...new Set((request.managersOf ?? []).filter(Boolean).map(upnKey))];
  const requests: BatchRequest[] = [
    ...users.map((upn) => ({ method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}?${SELECT}` })),
    ...managersOf.map((upn) => ({ method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}/manager?${SELECT}` })),
  ];
  const responses = requests.length === 0 ? [] : await client.batch(requests);
  const answer = (i: number): PersonLookup => {
    const r = responses[i];
    return r ? asLookup(r.status, r.body) : { failed: { status: 0, message: 'Inget svar på uppslagningen.' } };
  };
  return {
    users: new Map(users.map((upn, i) => [upn, answer(i)])),
    managers: new Map(managersOf.map((upn, i) => [upn, answer(users.length + i)])),
  };
}

export function foundPerson(lookup: PersonLookup | undefined): DirectoryPerson | undefined {
  return lookup && 'found' in lookup ? lookup.found : undefined;
}

/**
 * The signed-in person's direct reports (`/me/directReports`): the least-privileged way for a
 * manager to see their people (User.Read and User.ReadBasic.All; another user's manager would need
 * User.Read.All). Contacts among them are left out. A refusal is thrown, never read as "no one".
 */
export async function myDirectReports(client: GraphClient): Promise<DirectoryPerson[]> {
  const reports: DirectoryPerson[] = [];
  for await (const user of client.items<DirectoryUser>(`/me/directReports?${SELECT}`)) {
    const lookup = asLookup(200, user);
    if ('found' in lookup && !lookup.found.isContact) reports.push(lookup.found);
  }
  return reports;
}
