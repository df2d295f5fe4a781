/** Built-in SharePoint fields and how a FieldRef resolves against a list's columns. */
import type { ColumnInfo, FieldRef } from './types';

function builtIn(name: string, type: ColumnInfo['type'], indexed: boolean): [string, ColumnInfo] {
  return [name, { name, type, indexed }];
}

/**
 * Fields every genericList item has, with the types Graph returns them as. SharePoint indexes ID,
 * Created, Modified and Author by default; Title is not indexed unless the list's own column says so.
 * Author / Editor are person fields, filtered through AuthorLookupId / EditorLookupId.
 * A column of the same name in the list's map takes precedence over these.
 */
export const BUILT_IN_COLUMNS: ReadonlyMap<string, ColumnInfo> = new Map([
  builtIn('Title', 'text', false),
  builtIn('LinkTitle', 'text', false),
  builtIn('LinkTitleNoMenu', 'text', false),
  builtIn('Created', 'dateTime', true),
  builtIn('Modified', 'dateTime', true),
  builtIn('Author', 'lookup', true),
  builtIn('Editor', 'lookup', false),
  builtIn('ContentType', 'text', false),
  builtIn('Attachments', 'boolean', false),
  builtIn('_UIVersionString', 'text', false),
]);

const LOOKUP_ID_SUFFIX = 'LookupId';

export type ResolvedField =
  | { kind: 'id' }
  /** `lookupId` is true for `fields/{Name}LookupId`, which refers to the lookup column `{Name}`. */
  | { kind: 'column'; column: ColumnInfo; lookupId: boolean };

/** The column a reference means, or undefined when the list has no such field. Names are case-sensitive. */
export function resolveField(ref: FieldRef, columns: ReadonlyMap<string, ColumnInfo>): ResolvedField | undefined {
  if (ref.kind === 'id') return { kind: 'id' };
  const lookup = (name: string): ColumnInfo | undefined => columns.get(name) ?? BUILT_IN_COLUMNS.get(name);
  const direct = lookup(ref.name);
  if (direct) return { kind: 'column', column: direct, lookupId: false };
  if (ref.name.endsWith(LOOKUP_ID_SUFFIX) && ref.name.length > LOOKUP_ID_SUFFIX.length) {
    const base = lookup(ref.name.slice(0, -LOOKUP_ID_SUFFIX.length));
    if (base?.type === 'lookup') return { kind: 'column', column: base, lookupId: true };
  }
  return undefined;
}
