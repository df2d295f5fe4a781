/**
 * listItem eTags: `"{uniqueId},{version}"` with the double quotes as part of the value, the
 * brace-less form of real captures. If-Match accepts that form, the braced form of the delta doc,
 * the unquoted form of older docs, and `*`.
 */

export function itemETag(uniqueId: string, version: number): string {
  return `"${uniqueId},${version}"`;
}

/** `W/"{GUID},3"` → `guid,3` (lower case, no quotes or braces), or undefined when it is not an eTag of ours. */
function canonical(tag: string): string | undefined {
  let text = tag.trim();
  if (text.startsWith('W/')) text = text.slice(2);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  const m = /^\{?([0-9a-fA-F-]{36})\}?,(\d+)$/.exec(text);
  return m ? `${(m[1] ?? '').toLowerCase()},${Number(m[2])}` : undefined;
}

/** Whether an If-Match header value lets a write proceed against the item's current state. */
export function ifMatchSatisfied(ifMatch: string | undefined, uniqueId: string, version: number): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '') return true;
  if (ifMatch.trim() === '*') return true;
  return canonical(ifMatch) === `${uniqueId.toLowerCase()},${version}`;
}
