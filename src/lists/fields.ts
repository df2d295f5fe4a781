// Reading and writing single field values the way Graph represents them in a list item's `fields`.

export type Fields = Readonly<Record<string, unknown>>;

export function readText(fields: Fields, name: string): string | undefined {
  const v = fields[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function readNumber(fields: Fields, name: string): number | undefined {
  const v = fields[name];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // SharePoint hands some numbers back as strings (calculated and lookup values).
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function readBoolean(fields: Fields, name: string): boolean | undefined {
  const v = fields[name];
  return typeof v === 'boolean' ? v : undefined;
}

/** Date columns come back as ISO date-times; the domain uses YYYY-MM-DD. */
export function readDate(fields: Fields, name: string): string | undefined {
  const v = readText(fields, name);
  return v ? v.slice(0, 10) : undefined;
}

/** A date-time; midnight UTC reads back as the plain date it was most likely written as. */
export function readDateTime(fields: Fields, name: string): string | undefined {
  const v = readText(fields, name);
  return v?.endsWith('T00:00:00Z') ? v.slice(0, 10) : v;
}

/** SharePoint stores date-times to the second, in UTC: write them that way so re-imports compare equal. */
export function writeDateTime(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? value : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/** A lookup's target item id: Graph returns and accepts `{Name}LookupId` as a string. */
export function readLookup(fields: Fields, name: string): string | undefined {
  const v = fields[`${name}LookupId`];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function readChoice<C extends string>(fields: Fields, name: string, codes: readonly C[]): C | undefined {
  const v = fields[name];
  return typeof v === 'string' && (codes as readonly string[]).includes(v) ? (v as C) : undefined;
}

export function writeDate(date: string | undefined): string | null {
  return date ? `${date}T00:00:00Z` : null;
}

export function writeLookup(name: string, itemId: string | undefined): Record<string, string | null> {
  return { [`${name}LookupId`]: itemId ?? null };
}
