// Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). A batch's size is
// mostly the values and number formats it carries, so rows are measured as the JSON they become
// and a big table body is cut into chunks that each fit a budget kept well under the limit.
import type { ExcelValue } from '../layout';

/** Excel on the web's limit per request. */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/** The budget a batch is filled to: room is left for the operations' own envelope and escaping. */
export const DEFAULT_BATCH_BUDGET = 4 * 1024 * 1024;
/** A rough size of one queued operation without its data (method, ids, property names). */
export const OPERATION_BYTES = 200;

/** UTF-8 length of a string without allocating (Swedish letters and symbols are 2–3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON size of one row of values and its number formats: quotes, commas, escapes counted. */
export function rowBytes(values: readonly ExcelValue[], formats: readonly string[]): number {
  let bytes = 4;
  for (const v of values) bytes += (typeof v === 'number' ? String(v).length : utf8Length(JSON.stringify(v))) + 1;
  for (const f of formats) bytes += utf8Length(JSON.stringify(f)) + 1;
  return bytes;
}

export interface RowChunk {
  /** 0-based first row of the chunk within the rows given. */
  readonly first: number;
  readonly count: number;
  readonly bytes: number;
}

/**
 * Consecutive rows cut so that each chunk stays within `budget` bytes (a single row larger than
 * the budget still gets a chunk of its own: Excel would refuse it whole, and it cannot be split).
 */
export function chunkRows(values: readonly (readonly ExcelValue[])[], formats: readonly (readonly string[])[], budget: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  let first = 0;
  let bytes = 0;
  values.forEach((row, i) => {
    const size = rowBytes(row, formats[i] ?? []);
    if (i > first && bytes + size > budget) {
      chunks.push({ first, count: i - first, bytes });
      first = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (values.length > first) chunks.push({ first, count: values.length - first, bytes });
  return chunks;
}
