/**
 * columnDefinition bodies ↔ ColumnSpec: checking a create or update body, the genericList's Title
 * column, the read-only built-in columns, and the JSON Graph shows for each.
 */
import { GraphError } from '../server/contract';
import type { ColumnType } from '../odata';
import { invalidRequest } from './graph-errors';
import type { ColumnRecord, ColumnSpec } from './list-store';

/** Internal names the emulator accepts (SharePoint's encoded names like `A_x0020_b` fit too). */
export const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SharePoint's fixed ID of the Title field, the same in every list. */
export const TITLE_COLUMN_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

const FACET_OF: Record<ColumnType, string> = {
  text: 'text',
  note: 'text',
  number: 'number',
  boolean: 'boolean',
  dateTime: 'dateTime',
  choice: 'choice',
  lookup: 'lookup',
};
const BUILT_FACETS = new Set(['text', 'number', 'boolean', 'dateTime', 'choice', 'lookup']);
const UNBUILT_FACETS = [
  'calculated',
  'currency',
  'personOrGroup',
  'term',
  'hyperlinkOrPicture',
  'thumbnail',
  'contentApprovalStatus',
  'geolocation',
];

/** The key of a column's value in `fields` (and in the stored JSON). */
export function fieldKeyOf(column: { name: string; type: ColumnType }): string {
  return column.type === 'lookup' ? `${column.name}LookupId` : column.name;
}

export function titleColumn(): ColumnSpec & { id: string } {
  return {
    id: TITLE_COLUMN_ID,
    name: 'Title',
    displayName: 'Title',
    description: '',
    type: 'text',
    indexed: false,
    enforceUniqueValues: false,
    required: true,
    hidden: false,
    facet: textFacet('text', {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(property: string, expected: string): GraphError {
  return invalidRequest(`Invalid value for property '${property}': expected ${expected}.`);
}

function bool(body: Record<string, unknown>, key: string, fallback: boolean, prefix = ''): boolean {
  const value = body[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw wrongType(prefix + key, 'a boolean');
  return value;
}

function str(body: Record<string, unknown>, key: string, fallback: string, prefix = ''): string {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw wrongType(prefix + key, 'a string');
  return value;
}

function num(body: Record<string, unknown>, key: string, fallback: number, prefix = ''): number {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(prefix + key, 'a number');
  return value;
}

function oneOf(body: Record<string, unknown>, key: string, allowed: readonly string[], fallback: string, prefix: string): string {
  const value = str(body, key, fallback, prefix);
  if (!allowed.includes(value)) throw wrongType(prefix + key, `one of ${allowed.join(', ')}`);
  return value;
}

function textFacet(type: 'text' | 'note', body: Record<string, unknown>): Record<string, unknown> {
  const p = 'text.';
  const note = type === 'note';
  const maxLength = num(body, 'maxLength', note ? 0 : 255, p);
  if (!note && (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 255)) {
    throw wrongType('text.maxLength', 'an integer from 1 to 255');
  }
  return {
    allowMultipleLines: note,
    appendChangesToExistingText: bool(body, 'appendChangesToExistingText', false, p),
    linesForEditing: num(body, 'linesForEditing', note ? 6 : 0, p),
    maxLength,
    textType: oneOf(body, 'textType', ['plain', 'richText'], 'plain', p),
  };
}

function facetFor(type: ColumnType, body: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'text':
    case 'note':
      return textFacet(type, body);
    case 'number': {
      const p = 'number.';
      return {
        decimalPlaces: oneOf(body, 'decimalPlaces', ['automatic', 'none', 'one', 'two', 'three', 'four', 'five'], 'automatic', p),
        displayAs: oneOf(body, 'displayAs', ['number', 'percentage'], 'number', p),
        maximum: num(body, 'maximum', Number.MAX_VALUE, p),
        minimum: num(body, 'minimum', -Number.MAX_VALUE, p),
      };
    }
    case 'boolean':
      return {};
    case 'dateTime': {
      const p = 'dateTime.';
      return {
        displayAs: oneOf(body, 'displayAs', ['default', 'friendly', 'standard'], 'default', p),
        format: oneOf(body, 'format', ['dateOnly', 'dateTime'], 'dateTime', p),
      };
    }
    case 'choice': {
      const choices = body.choices ?? [];
      if (!Array.isArray(choices) || !choices.every((c): c is string => typeof c === 'string')) {
        throw wrongType('choice.choices', 'an array of strings');
      }
      return {
        allowTextEntry: bool(body, 'allowTextEntry', false, 'choice.'),
        choices: [...new Set(choices)],
        displayAs: oneOf(body, 'displayAs', ['checkBoxes', 'dropDownMenu', 'radioButtons'], 'dropDownMenu', 'choice.'),
      };
    }
    case 'lookup': {
      const p = 'lookup.';
      if (bool(body, 'allowMultipleValues', false, p)) {
        throw new GraphError(501, 'notImplemented', 'Multi-value lookup columns are not supported by the emulator.');
      }
      if (body.primaryLookupColumnId !== undefined) {
        throw new GraphError(501, 'notImplemented', 'Secondary lookup columns are not supported by the emulator.');
      }
      const listId = str(body, 'listId', '', p);
      if (listId === '') throw invalidRequest("A lookup column needs 'lookup.listId', the ID of the list it looks up.");
      const columnName = str(body, 'columnName', 'Title', p);
      if (!COLUMN_NAME.test(columnName)) throw wrongType('lookup.columnName', 'a column name');
      return { allowMultipleValues: false, allowUnlimitedLength: bool(body, 'allowUnlimitedLength', false, p), columnName, listId };
    }
  }
}

/** The column type a body's facet asks for; exactly one facet is required. */
function typeOf(body: Record<string, unknown>): ColumnType {
  const unbuilt = UNBUILT_FACETS.find((f) => body[f] !== undefined);
  if (unbuilt) throw new GraphError(501, 'notImplemented', `Columns of type '${unbuilt}' are not supported by the emulator.`);
  const facets = [...BUILT_FACETS].filter((f) => body[f] !== undefined);
  if (facets.length !== 1) {
    throw invalidRequest('A column definition needs exactly one type facet: text, number, boolean, dateTime, choice or lookup.');
  }
  const facet = facets[0] ?? '';
  if (!isRecord(body[facet])) throw wrongType(facet, 'an object');
  if (facet === 'text') return (body.text as Record<string, unknown>).allowMultipleLines === true ? 'note' : 'text';
  return facet as ColumnType;
}

/** Flags shared by create and update; `indexed` / `enforceUniqueValues` follow SharePoint's rules. */
function checkFlags(spec: ColumnSpec): ColumnSpec {
  if (spec.indexed && spec.type === 'note') throw invalidRequest(`Column '${spec.name}' cannot be indexed: multiple lines of text cannot be indexed.`);
  if (spec.enforceUniqueValues && (spec.type === 'note' || spec.type === 'boolean')) {
    throw invalidRequest(`Column '${spec.name}' cannot enforce unique values: its type does not support it.`);
  }
  if (spec.enforceUniqueValues && !spec.indexed) throw invalidRequest('The field must first be indexed to enforce unique values.');
  return spec;
}

/** A POST …/columns body (or one entry of a list's `columns`) as a ColumnSpec. */
export function parseColumnDefinition(body: unknown): ColumnSpec {
  if (!isRecord(body)) throw invalidRequest('A column definition must be a JSON object.');
  const name = str(body, 'name', '');
  if (name === '') throw invalidRequest("A column definition needs a 'name'.");
  if (!COLUMN_NAME.test(name) || name.length > 255) {
    throw invalidRequest(`The column name '${name}' is not supported by the emulator: use letters, digits and underscores, not starting with a digit.`);
  }
  const type = typeOf(body);
  const facetBody = body[FACET_OF[type]] as Record<string, unknown>;
  return checkFlags({
    name,
    displayName: str(body, 'displayName', name),
    description: str(body, 'description', ''),
    type,
    indexed: bool(body, 'indexed', false),
    enforceUniqueValues: bool(body, 'enforceUniqueValues', false),
    required: bool(body, 'required', false),
    hidden: bool(body, 'hidden', false),
    facet: facetFor(type, facetBody),
  });
}

/** A PATCH …/columns/{id} body applied to the current column. Name and type cannot change. */
export function applyColumnPatch(current: ColumnRecord, body: unknown): ColumnSpec {
  if (!isRecord(body)) throw invalidRequest('A column update must be a JSON object.');
  const name = str(body, 'name', current.name);
  if (name !== current.name) throw invalidRequest("The emulator cannot change a column's internal name.");
  const facetKey = FACET_OF[current.type];
  const otherFacet = [...BUILT_FACETS, ...UNBUILT_FACETS].find((f) => f !== facetKey && body[f] !== undefined);
  if (otherFacet) throw invalidRequest("The emulator cannot change a column's type.");
  const facetPatch = body[facetKey];
  if (facetPatch !== undefined && !isRecord(facetPatch)) throw wrongType(facetKey, 'an object');
  if (current.type === 'note' && isRecord(facetPatch) && facetPatch.allowMultipleLines === false) {
    throw invalidRequest("The emulator cannot change a column's type.");
  }
  if (current.type === 'text' && isRecord(facetPatch) && facetPatch.allowMultipleLines === true) {
    throw invalidRequest("The emulator cannot change a column's type.");
  }
  const mergedFacet = { ...current.facet, ...(isRecord(facetPatch) ? facetPatch : {}) };
  if (current.type === 'lookup' && mergedFacet.listId !== current.facet.listId) {
    throw invalidRequest("The emulator cannot change the list a lookup column looks up.");
  }
  return checkFlags({
    name,
    displayName: str(body, 'displayName', current.displayName),
    description: str(body, 'description', current.description),
    type: current.type,
    indexed: bool(body, 'indexed', current.indexed),
    enforceUniqueValues: bool(body, 'enforceUniqueValues', current.enforceUniqueValues),
    required: bool(body, 'required', current.required),
    hidden: bool(body, 'hidden', current.hidden),
    facet: facetFor(current.type, mergedFacet),
  });
}

/** A stored column as Graph's columnDefinition. */
export function renderColumn(column: ColumnRecord): Record<string, unknown> {
  return {
    columnGroup: 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: false,
    required: column.required,
    [FACET_OF[column.type]]: { ...column.facet },
  };
}
