// Finding people in the directory by the start of their name or address, so a picker chooses an
// owner by name and never asks anyone to type a UPN. One `/users` query with `startswith`, which
// Graph answers with User.ReadBasic.All and without the advanced-query header.
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import { odataString } from './site';

export interface PersonFound {
  readonly upn: string;
  readonly displayName: string;
  readonly jobTitle?: string;
}

interface DirectoryUser {
  readonly userPrincipalName?: string | null;
  readonly displayName?: string | null;
  readonly jobTitle?: string | null;
  readonly accountEnabled?: boolean | null;
}

/** Shorter than this, a search would list half the region. */
export const SEARCH_MIN_LENGTH = 2;

/** Enabled accounts whose display name, UPN or mail starts with `text`, by name; at most `top`. */
export async function searchPeople(store: FollowUpStore, text: string, top = 15): Promise<PersonFound[]> {
  const wanted = text.trim();
  if (wanted.length < SEARCH_MIN_LENGTH) return [];
  const prefix = odataString(wanted);
  const filter = ['displayName', 'userPrincipalName', 'mail'].map((property) => `startswith(${property},${prefix})`).join(' or ');
  const query = `/users?$filter=${encodeURIComponent(filter)}&$select=userPrincipalName,displayName,jobTitle,accountEnabled&$top=${top}`;
  const answer = await graphClientOf(store).get<{ value?: DirectoryUser[] }>(query);
  return (answer.value ?? [])
    .filter((u) => u.userPrincipalName && u.accountEnabled !== false)
    .map((u) => ({ upn: u.userPrincipalName ?? '', displayName: u.displayName ?? u.userPrincipalName ?? '', ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
}
