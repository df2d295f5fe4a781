// A user as Graph v1.0 returns one: the default property set in Graph's order, or only the
// `$select`ed properties; and the `@odata.context` that goes with it.
import { parseSelect } from '../odata';
import { badRequest } from '../server/graph-errors';
import type { DirectoryUser } from './user-store';

type UserJson = Record<string, unknown>;

/** Properties the emulator can return; the first eleven are Graph's default set, in its order. */
const PROPERTIES: ReadonlyArray<readonly [string, (u: DirectoryUser) => unknown]> = [
  ['businessPhones', () => []],
  ['displayName', (u) => u.displayName],
  ['givenName', () => null],
  ['jobTitle', (u) => u.jobTitle],
  ['mail', (u) => u.mail],
  ['mobilePhone', () => null],
  ['officeLocation', () => null],
  ['preferredLanguage', () => null],
  ['surname', () => null],
  ['userPrincipalName', (u) => u.userPrincipalName],
  ['id', (u) => u.id],
  ['accountEnabled', () => true],
  ['department', () => null],
];
const DEFAULT_COUNT = 11;

const BY_LOWER_NAME = new Map(PROPERTIES.map((p) => [p[0].toLowerCase(), p] as const));

/** The `$select` of a request as Graph property names (`undefined`: the default set). */
export function userSelection(query: URLSearchParams): string[] | undefined {
  const text = queryOption(query, 'select');
  if (text === undefined) return undefined;
  const names = parseSelect(text);
  if (names.length === 0) return undefined;
  return names.map((name) => {
    const property = BY_LOWER_NAME.get(name.toLowerCase());
    if (!property) {
      throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
    }
    return property[0];
  });
}

export function userJson(user: DirectoryUser, selection: readonly string[] | undefined): UserJson {
  const out: UserJson = {};
  const chosen = selection ? PROPERTIES.filter(([name]) => selection.includes(name)) : PROPERTIES.slice(0, DEFAULT_COUNT);
  for (const [name, value] of chosen) out[name] = value(user);
  return out;
}

/** `…/$metadata#users`, `…#users(displayName,mail)`; `entity` adds `/$entity`. */
export function usersContext(graphBaseUrl: string, selection: readonly string[] | undefined, entity: boolean, set = 'users'): string {
  const projection = selection ? `(${selection.join(',')})` : '';
  return `${graphBaseUrl}/$metadata#${set}${projection}${entity ? '/$entity' : ''}`;
}

/** A system query option by name, with or without `$`, in any case (Graph accepts all). */
export function queryOption(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (k === `$${name}` || k === name) return value;
  }
  return undefined;
}
