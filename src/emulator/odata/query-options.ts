/** `$select`, `$expand` and `$top` for list items. Errors use Graph's OData wording and code `BadRequest`. */
import { ODataError } from './errors';
import type { ExpandOption } from './types';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Page size when `$top` is absent (community finding, see docs/emulator.md). */
export const DEFAULT_PAGE_SIZE = 200;
/** Larger `$top` values are accepted and served in pages of this size. */
export const MAX_PAGE_SIZE = 5000;
/** listItem navigation properties Graph has but the emulator does not build: expanding them answers 501. */
const UNBUILT_NAVIGATION: ReadonlySet<string> = new Set(['driveitem', 'versions', 'analytics', 'documentsetversions']);

function selectExpandError(detail: string): ODataError {
  return new ODataError('BadRequest', `Parsing OData Select and Expand failed: ${detail}`);
}

function termError(term: string): ODataError {
  return selectExpandError(`Term '${term}' is not valid in a $select or $expand expression.`);
}

/**
 * A comma-separated list of names. `*` means "everything" and yields `undefined`.
 * Duplicates are dropped, order is kept.
 */
function nameList(text: string): string[] | undefined {
  const names: string[] = [];
  let star = false;
  for (const raw of text.split(',')) {
    const term = raw.trim();
    if (term === '*') star = true;
    else if (!NAME.test(term)) throw termError(term);
    else if (!names.includes(term)) names.push(term);
  }
  return star ? undefined : names;
}

/** `id,fields,webUrl` → names. An empty text, or `*`, gives `[]`: no restriction. */
export function parseSelect(text: string): string[] {
  if (text.trim() === '') return [];
  return nameList(text) ?? [];
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) throw selectExpandError(`Unbalanced ')' at position ${i} in '${text}'.`);
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw selectExpandError(`Missing ')' in '${text}'.`);
  parts.push(text.slice(start));
  return parts;
}

/** The options inside `fields(...)`: only `$select=` / `select=` is supported. */
function fieldsOptions(inner: string): { select?: string[] } {
  let select: string[] | undefined;
  let seen = false;
  for (const raw of inner.split(';')) {
    const option = /^\s*(\$?[A-Za-z]+)\s*=(.*)$/s.exec(raw);
    if (!option) throw termError(raw.trim());
    const name = option[1] ?? '';
    if (name.toLowerCase() !== '$select' && name.toLowerCase() !== 'select') {
      throw selectExpandError(`The query option '${name}' is not supported inside $expand=fields(...); only $select is.`);
    }
    if (seen) throw selectExpandError("The query option '$select' appears twice inside fields(...).");
    seen = true;
    select = nameList(option[2] ?? '');
  }
  return select === undefined ? {} : { select };
}

/**
 * `fields` or `fields($select=A,B)` (also `fields(select=A,B)`, as the docs write it).
 * Only `fields` can be expanded; the other listItem navigations answer 501, anything else 400.
 */
export function parseExpand(text: string): ExpandOption {
  const result: ExpandOption = {};
  if (text.trim() === '') return result;
  for (const part of splitTopLevel(text)) {
    const item = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:\((.*)\))?\s*$/s.exec(part);
    if (!item) throw termError(part.trim());
    const name = item[1] ?? '';
    const lower = name.toLowerCase();
    if (lower !== 'fields') {
      if (UNBUILT_NAVIGATION.has(lower)) {
        throw new ODataError('notImplemented', `Expanding '${name}' is not supported by the emulator; only fields can be expanded.`, {
          status: 501,
        });
      }
      throw selectExpandError(`Could not find a property named '${name}' on type 'microsoft.graph.listItem'.`);
    }
    if (result.fields) throw selectExpandError("The property 'fields' is expanded more than once.");
    result.fields = item[2] === undefined ? {} : fieldsOptions(item[2]);
  }
  return result;
}

/** A positive integer; values above MAX_PAGE_SIZE are valid (the server serves MAX_PAGE_SIZE per page). */
export function parseTop(text: string): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ODataError(
      'BadRequest',
      `Invalid value '${text}' for $top query option found. The $top query option requires a positive integer value.`,
    );
  }
  return value;
}
