// Reading what a user typed into the Data table's editable cells: Utfall as a Swedish number (or a
// level word for a qualitative styrtal), Bedömning as one of the vocabulary's labels, Kommentar as
// text. Each parser answers a value or a refusal in plain Swedish; nothing is half-understood.
import type { Assessment, Level, SubjectKind, ValueType } from '../../core';
import { ASSESSMENTS, ASSIGNMENT_ASSESSMENT, GOAL_ASSESSMENT, LEVEL, LEVELS, parseSwedishNumber } from '../../core';
import { withoutQuotePrefix } from '../office/inert-text';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Utfall: a number, a level (qualitative styrtal), or nothing. */
export type Outcome = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'level'; readonly value: Level } | null;

/** A cell as read: the raw value Excel holds and the text it shows. */
export interface ReadCell {
  readonly value: unknown;
  readonly text: string;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = <T>(message: string): Parsed<T> => ({ ok: false, message });

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

function asText(cell: ReadCell): string {
  if (typeof cell.value === 'string') return withoutQuotePrefix(cell.value);
  if (cell.value === null || cell.value === undefined) return '';
  return cell.text;
}

export function isEmptyCell(cell: ReadCell): boolean {
  return asText(cell).trim() === '' && typeof cell.value !== 'number';
}

function levelOf(text: string): Level | undefined {
  const wanted = norm(text);
  return LEVELS.find((l) => norm(LEVEL[l].sv) === wanted || l === wanted || (LEVEL[l].symbol !== '' && LEVEL[l].symbol === text.trim()));
}

const LEVEL_WORDS = LEVELS.map((l) => LEVEL[l].sv).join(', ');

/**
 * Utfall. A number Excel already holds is taken as it is, except that Excel turns a typed "75 %"
 * into 0.75 in a percent format: the text shown then tells, and the report's 75 is restored.
 */
export function parseOutcome(cell: ReadCell, valueType: ValueType | undefined): Parsed<Outcome> {
  if (typeof cell.value === 'number' && Number.isFinite(cell.value)) {
    if (valueType === 'qualitative') return refuse(`Styrtalet är kvalitativt: skriv ${LEVEL_WORDS}, inte ett tal.`);
    const shown = parseSwedishNumber(cell.text);
    if (shown.ok && shown.unit === '%' && Math.abs(cell.value * 100 - shown.value) < 1e-6 * Math.max(1, Math.abs(shown.value))) {
      return ok({ kind: 'number', value: shown.value });
    }
    return ok({ kind: 'number', value: cell.value });
  }
  const text = asText(cell).trim();
  if (text === '') return ok(null);
  const level = levelOf(text);
  if (level) {
    if (valueType === 'numeric') return refuse(`"${text}" är en nivå, men styrtalet mäts med tal. Ange ett tal, till exempel 1 545 eller 88 %.`);
    return ok({ kind: 'level', value: level });
  }
  if (valueType === 'qualitative') return refuse(`"${text}" är ingen nivå. Skriv ${LEVEL_WORDS}.`);
  const parsed = parseSwedishNumber(text);
  return parsed.ok ? ok({ kind: 'number', value: parsed.value }) : refuse(parsed.message);
}

/** Bedömning: a label of the subject's vocabulary (goal or uppdrag), its code or symbol; empty clears it. */
export function parseAssessment(cell: ReadCell, subjectKind: SubjectKind): Parsed<Assessment | null> {
  const text = asText(cell).trim();
  if (text === '') return ok(null);
  const vocabulary = subjectKind === 'assignment' ? ASSIGNMENT_ASSESSMENT : GOAL_ASSESSMENT;
  const wanted = norm(text);
  const found = ASSESSMENTS.find((a) => norm(vocabulary[a].sv) === wanted || a === wanted || vocabulary[a].symbol === text);
  if (found) return ok(found);
  const labels = ASSESSMENTS.map((a) => vocabulary[a].sv).join('; ');
  return refuse(`Bedömningen "${text}" känns inte igen. Skriv en av: ${labels}.`);
}

/** Kommentar: any text; whitespace only means no comment. */
export function parseComment(cell: ReadCell): Parsed<string | null> {
  const text = asText(cell);
  return ok(text.trim() === '' ? null : text.replace(/\r\n/g, '\n'));
}
