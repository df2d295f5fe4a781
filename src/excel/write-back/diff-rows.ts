// Which Data rows the user changed: the rows read from the table against the rows as written (the
// workbook's snapshot), field by field. Only the editable fields count, each is validated, and a
// row with any unusable edit is refused whole: half a row is never sent.
import { fitCellText, isCut } from '../layout';
import type { Assessment, Level, SubjectKind, ValueType } from '../../core';
import { ASSIGNMENT_ASSESSMENT, formatSwedishNumber, GOAL_ASSESSMENT, LEVEL, periodLabel } from '../../core';
import type { CellValue, DataRowWriteBack, EditableField } from '../../report';
import type { DataSnapshot } from '../office/workbook-registry';
import { rowKey } from '../office/workbook-registry';
import type { Outcome, ReadCell } from './parse-cells';
import { isEmptyCell, parseAssessment, parseComment, parseOutcome } from './parse-cells';

/** The new values of the fields a row changes; `null` clears a field. */
export interface EntryEdit {
  readonly outcome?: Outcome;
  readonly assessment?: Assessment | null;
  readonly comment?: string | null;
}

export interface FieldChange {
  readonly field: EditableField;
  /** Swedish column name: Utfall, Bedömning, Kommentar. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface RowChange {
  /** 0-based row in the table body, as read. */
  readonly row: number;
  readonly key: string;
  readonly title: string;
  readonly base: DataRowWriteBack;
  readonly edit: EntryEdit;
  readonly fields: readonly FieldChange[];
}

export interface RowRefusal {
  readonly row: number;
  readonly key: string;
  readonly title: string;
  readonly reason: string;
}

export interface DataDiff {
  readonly changes: readonly RowChange[];
  readonly refusals: readonly RowRefusal[];
  readonly unchanged: number;
}

export interface ReadTable {
  readonly headers: readonly string[];
  readonly values: readonly (readonly unknown[])[];
  readonly texts: readonly (readonly string[])[];
}

const LABELS: Readonly<Record<EditableField, string>> = { value: 'Utfall', assessment: 'Bedömning', comment: 'Kommentar' };

const KIND_NAME: Readonly<Record<SubjectKind, string>> = { goal: 'Mål', indicator: 'Styrtal', assignment: 'Uppdrag', action: 'Åtgärder och aktiviteter' };

function outcomeText(o: Outcome | CellValue): string {
  if (o === null) return '(tomt)';
  if (typeof o === 'number') return formatSwedishNumber(o, { maxDecimals: 6 });
  if (typeof o === 'string') return (LEVEL as Readonly<Record<string, { sv: string }>>)[o]?.sv ?? o;
  return o.kind === 'number' ? formatSwedishNumber(o.value, { maxDecimals: 6 }) : LEVEL[o.value].sv;
}

function assessmentText(a: Assessment | null, kind: SubjectKind): string {
  if (a === null) return '(tomt)';
  return (kind === 'assignment' ? ASSIGNMENT_ASSESSMENT : GOAL_ASSESSMENT)[a].sv;
}

function sameOutcome(o: Outcome, original: CellValue): boolean {
  if (o === null) return original === null || original === '';
  if (o.kind === 'number') return typeof original === 'number' && Math.abs(original - o.value) <= 1e-9 * Math.max(1, Math.abs(o.value));
  return original === (o.value satisfies Level);
}

function column(headers: readonly string[], header: string | undefined): number {
  if (header === undefined) return -1;
  const wanted = header.trim().toLocaleLowerCase('sv');
  return headers.findIndex((h) => String(h).trim().toLocaleLowerCase('sv') === wanted);
}

/**
 * The period key of a row. The Data table shows the period as people say it ("Helår 2025") and
 * keeps the key in the hidden Periodnyckel column; when that column is gone (deleted, or a table
 * written before it existed) the visible text is read back: a label of one of the snapshot's
 * periods, or a key as older tables showed it.
 */
function periodReader(snapshot: DataSnapshot): (key: string, shown: string) => string {
  const byLabel = new Map<string, string>();
  for (const row of Object.values(snapshot.rows)) byLabel.set(normLabel(periodLabel(row.periodKey)), row.periodKey);
  return (key, shown) => key || byLabel.get(normLabel(shown)) || shown;
}

function normLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/**
 * Compares the table as read with the snapshot written with it. `valueTypeOf` tells numeric from
 * qualitative styrtal (from the plan); when it does not know, a level word or a number is accepted.
 */
export function diffDataRows(table: ReadTable, snapshot: DataSnapshot, valueTypeOf: (ref: string) => ValueType | undefined = () => undefined): DataDiff {
  const at = (key: string) => column(table.headers, snapshot.headers[key]);
  const col = { ref: at('ref'), period: at('period'), periodKey: at('periodKey'), title: at('title'), value: at('value'), assessment: at('assessment'), comment: at('comment') };
  const periodOf = periodReader(snapshot);
  const changes: RowChange[] = [];
  const refusals: RowRefusal[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  const cell = (r: number, c: number): ReadCell => ({ value: c < 0 ? null : table.values[r]?.[c], text: c < 0 ? '' : (table.texts[r]?.[c] ?? '') });
  const text = (r: number, c: number) => {
    const v = cell(r, c).value;
    return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
  };
  if (col.ref < 0 || (col.period < 0 && col.periodKey < 0)) {
    return { changes: [], refusals: [{ row: -1, key: '', title: 'Data', reason: 'Kolumnerna Ref och Period saknas i tabellen. Uppdatera tabellen från Målkoll och gör ändringarna igen.' }], unchanged: 0 };
  }
  table.values.forEach((_, r) => {
    const key = rowKey(text(r, col.ref), periodOf(text(r, col.periodKey), text(r, col.period)));
    const title = text(r, col.title) || text(r, col.ref) || `Rad ${r + 1}`;
    const base = snapshot.rows[key];
    const editedCells = (['value', 'assessment', 'comment'] as const).filter((f) => col[f] >= 0 && !isEmptyCell(cell(r, col[f])));
    if (!base) {
      if (editedCells.length > 0) refusals.push({ row: r, key, title, reason: 'Raden hämtades inte från Målkoll (Ref eller Period är ändrad eller raden är ny). Nya saker läggs till i Målkoll, inte i Excel.' });
      return;
    }
    if (seen.has(key)) {
      refusals.push({ row: r, key, title, reason: 'Raden finns två gånger i tabellen; bara den första skickas.' });
      return;
    }
    seen.add(key);
    const reasons: string[] = [];
    const fields: FieldChange[] = [];
    const edit: { outcome?: Outcome; assessment?: Assessment | null; comment?: string | null } = {};
    const note = (field: EditableField, from: string, to: string) => {
      if (base.editable.includes(field)) fields.push({ field, label: LABELS[field], from, to });
      else reasons.push(`${KIND_NAME[base.subjectKind]} har ingen ${LABELS[field].toLocaleLowerCase('sv')} att rapportera; ändra tillbaka ${LABELS[field]}.`);
    };
    if (col.value >= 0) {
      const parsed = parseOutcome(cell(r, col.value), valueTypeOf(base.subjectRef));
      if (!parsed.ok) reasons.push(`Utfall: ${parsed.message}`);
      else if (!sameOutcome(parsed.value, base.original.value)) {
        edit.outcome = parsed.value;
        note('value', outcomeText(base.original.value), outcomeText(parsed.value));
      }
    }
    if (col.assessment >= 0) {
      const parsed = parseAssessment(cell(r, col.assessment), base.subjectKind);
      if (!parsed.ok) reasons.push(parsed.message);
      else if (parsed.value !== base.original.assessment) {
        edit.assessment = parsed.value;
        note('assessment', assessmentText(base.original.assessment, base.subjectKind), assessmentText(parsed.value, base.subjectKind));
      }
    }
    if (col.comment >= 0) {
      const parsed = parseComment(cell(r, col.comment));
      // A cell cut at Excel's limit and left as it was is no change: the whole text stays in the list.
      const unchangedCut = base.original.comment !== null && isCut(base.original.comment) && parsed.ok && parsed.value === fitCellText(base.original.comment);
      if (parsed.ok && !unchangedCut && (parsed.value ?? '') !== (base.original.comment ?? '')) {
        edit.comment = parsed.value;
        note('comment', base.original.comment ?? '(tomt)', parsed.value ?? '(tomt)');
      }
    }
    if (reasons.length > 0) refusals.push({ row: r, key, title, reason: reasons.join(' ') });
    else if (fields.length > 0) changes.push({ row: r, key, title, base, edit, fields });
    else unchanged += 1;
  });
  return { changes, refusals, unchanged };
}
