// SharePoint list-item eTags are `"{guid},{version}"`; Graph has been seen sending them with and
// without the outer quotes and with and without braces around the GUID. Requests echo an eTag back
// as received (only making sure it is a quoted entity-tag); comparisons ignore those differences.

export interface ParsedETag {
  /** The item's unique id, lower case, without braces. */
  readonly id: string;
  readonly version: number;
}

/** Strips a weak prefix, outer quotes and GUID braces: `W/"{ABC},3"` → `abc,3`. */
export function normalizeETag(eTag: string): string {
  let text = eTag.trim();
  if (text.startsWith('W/')) text = text.slice(2);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  const comma = text.lastIndexOf(',');
  if (comma < 0) return text;
  const id = text.slice(0, comma).trim().replace(/^\{|\}$/g, '').toLowerCase();
  return `${id},${text.slice(comma + 1).trim()}`;
}

export function parseETag(eTag: string): ParsedETag | undefined {
  const match = /^(.+),(\d+)$/.exec(normalizeETag(eTag));
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { id: match[1], version: Number(match[2]) };
}

/** True when both name the same item version, whatever quoting/brace form each arrived in. */
export function eTagsEqual(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const left = parseETag(a);
  const right = parseETag(b);
  if (left && right) return left.id === right.id && left.version === right.version;
  return normalizeETag(a) === normalizeETag(b);
}

/** The eTag as an HTTP entity-tag: quoted, unless it already is or is `*`. */
export function quoteETag(eTag: string): string {
  const text = eTag.trim();
  if (text === '*' || text.startsWith('"') || text.startsWith('W/"')) return text;
  return `"${text}"`;
}

export function ifMatchHeader(eTag: string): { 'If-Match': string } {
  return { 'If-Match': quoteETag(eTag) };
}

/** The eTag a write answered with: the `ETag` header, else the body's `@odata.etag` or `eTag`. */
export function eTagOf(headers: Record<string, string>, body: unknown): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === 'etag' && value) return value;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const odata = record['@odata.etag'];
  if (typeof odata === 'string' && odata) return odata;
  const plain = record['eTag'];
  return typeof plain === 'string' && plain ? plain : undefined;
}
