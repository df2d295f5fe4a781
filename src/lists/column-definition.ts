// The list schema's columns as Graph columnDefinition bodies, and the reverse: what kind an existing
// column is, so provisioning can tell "right", "fixable" and "drift" apart.
import type { ColumnKind, ColumnSpec } from './schema';

export interface GraphColumn {
  readonly id: string;
  readonly name: string;
  readonly displayName?: string;
  readonly indexed?: boolean;
  readonly enforceUniqueValues?: boolean;
  readonly text?: { allowMultipleLines?: boolean };
  readonly number?: object;
  readonly boolean?: object;
  readonly dateTime?: { format?: string };
  readonly choice?: { choices?: string[] };
  readonly lookup?: { listId?: string; columnName?: string };
}

export function columnDefinition(spec: ColumnSpec, listIdOf: (name: NonNullable<ColumnSpec['lookupList']>) => string): Record<string, unknown> {
  const base: Record<string, unknown> = { name: spec.name, displayName: spec.displayName, indexed: spec.indexed ?? false };
  if (spec.unique) base.enforceUniqueValues = true;
  switch (spec.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6 } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(spec.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: false } };
    case 'lookup':
      if (!spec.lookupList) throw new Error(`Kolumnen ${spec.name} saknar lookupList`);
      return { ...base, lookup: { listId: listIdOf(spec.lookupList), columnName: 'Title' } };
  }
}

export function kindOf(column: GraphColumn): ColumnKind | undefined {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  // Graph shows `format` on every dateTime column; one without it is a date and time (its default).
  if (column.dateTime) return column.dateTime.format === 'dateOnly' ? 'date' : 'dateTime';
  if (column.choice) return 'choice';
  if (column.lookup) return 'lookup';
  return undefined;
}
