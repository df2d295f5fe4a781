/**
 * Checks a `fields` write (POST …/items `fields`, PATCH …/fields) against the list's columns and
 * turns it into stored values. Unknown names answer Graph's "Field 'X' is not recognized"; values
 * of the wrong type are refused with 400 before anything is written.
 */
import { GraphError } from '../server/contract';
import { canonicalDateTime } from '../odata';
import { isReservedName } from './built-in-columns';
import { fieldKeyOf } from './column-definitions';
import { fieldNotRecognized, invalidRequest } from './graph-errors';
import type { ColumnRecord, FieldValue } from './list-store';
import { DEFAULT_SITE_TIME_ZONE, dateOnlyInstant } from './site-time-zone';

export interface FieldPatch {
  /** Values to store, by field key. */
  readonly set: Record<string, FieldValue>;
  /** Field keys to clear (written as null). */
  readonly clear: string[];
}

function mustBe(column: ColumnRecord, what: string): GraphError {
  return invalidRequest(`The value of field '${fieldKeyOf(column)}' must be ${what}.`);
}

function checkNumber(column: ColumnRecord, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw mustBe(column, 'a number');
  const { minimum, maximum } = column.facet;
  if ((typeof minimum === 'number' && value < minimum) || (typeof maximum === 'number' && value > maximum)) {
    throw mustBe(column, `between ${String(minimum)} and ${String(maximum)}`);
  }
  return value;
}

function checkDateTime(column: ColumnRecord, value: unknown, siteTimeZone: string): string {
  const canonical = typeof value === 'string' ? canonicalDateTime(value) : undefined;
  if (canonical === undefined) throw mustBe(column, "an ISO 8601 date or date and time ('2024-01-31' or '2024-01-31T12:00:00Z')");
  // A date-only column keeps the day the instant falls on in the site's zone, as that day's midnight there.
  return column.facet.format === 'dateOnly' ? dateOnlyInstant(canonical, siteTimeZone) : canonical;
}

function checkValue(column: ColumnRecord, value: unknown, siteTimeZone: string): FieldValue {
  switch (column.type) {
    case 'text':
    case 'note': {
      if (typeof value !== 'string') throw mustBe(column, 'a string');
      const max = column.facet.maxLength;
      if (column.type === 'text' && typeof max === 'number' && max > 0 && [...value].length > max) {
        throw invalidRequest(`The value of field '${column.name}' is longer than its maximum length of ${max} characters.`);
      }
      return value;
    }
    case 'choice': {
      if (typeof value !== 'string') throw mustBe(column, 'a string');
      const choices = Array.isArray(column.facet.choices) ? column.facet.choices : [];
      // Graph answers a value outside the choices with a bare "Invalid request" (research §4).
      if (column.facet.allowTextEntry !== true && !choices.includes(value)) throw invalidRequest('Invalid request');
      return value;
    }
    case 'number':
      return checkNumber(column, value);
    case 'boolean':
      if (typeof value !== 'boolean') throw mustBe(column, 'true or false');
      return value;
    case 'dateTime':
      return checkDateTime(column, value, siteTimeZone);
    case 'lookup':
      // Graph wants lookup IDs as strings ("6"); a JSON number fails with this generic error.
      if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        throw new GraphError(400, 'generalException', 'General exception while processing');
      }
      return Number(value);
  }
}

/** The write as stored values, or a GraphError for the first problem found; dates by the site's zone. */
export function checkFieldWrite(columns: readonly ColumnRecord[], input: Readonly<Record<string, unknown>>, siteTimeZone: string = DEFAULT_SITE_TIME_ZONE): FieldPatch {
  const byKey = new Map(columns.map((c) => [fieldKeyOf(c), c]));
  const lookupsByName = new Map(columns.filter((c) => c.type === 'lookup').map((c) => [c.name, c]));
  const set: Record<string, FieldValue> = {};
  const clear: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('@')) continue; // annotations such as an echoed "@odata.etag"
    const at = key.indexOf('@');
    if (at > 0) {
      const base = key.slice(0, at);
      if (!byKey.has(base)) throw fieldNotRecognized(base);
      if (typeof value === 'string' && value.startsWith('Collection(')) {
        throw invalidRequest(`Field '${base}' does not take multiple values.`);
      }
      continue;
    }
    const column = byKey.get(key);
    if (!column) {
      if (isReservedName(key) || key.toLowerCase() === 'id') throw invalidRequest(`Field '${key}' is read-only`);
      const lookup = lookupsByName.get(key);
      if (lookup) throw invalidRequest(`Field '${key}' is a lookup column; write '${key}LookupId' with the ID of the item it refers to.`);
      throw fieldNotRecognized(key);
    }
    if (value === null) clear.push(key);
    else set[key] = checkValue(column, value, siteTimeZone);
  }
  return { set, clear };
}
