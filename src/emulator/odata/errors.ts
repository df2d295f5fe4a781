/** Errors in Graph's error shape: `{ error: { code, message } }` with an HTTP status. */

export interface GraphErrorBody {
  error: { code: string; message: string };
}

export class ODataError extends Error {
  /** Graph error code: `BadRequest` (malformed query option), `invalidRequest` (rejected by the list), `notImplemented`. */
  readonly code: string;
  /** HTTP status, 400 unless stated. */
  readonly status: number;
  /** 0-based character offset in the query option's text, for syntax errors. */
  readonly position: number | undefined;

  constructor(code: string, message: string, options: { status?: number; position?: number } = {}) {
    super(message);
    this.name = 'ODataError';
    this.code = code;
    this.status = options.status ?? 400;
    this.position = options.position;
  }

  /** The response body Graph would send. */
  toGraphError(): GraphErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Which query option a syntax error belongs to; it prefixes the message the way Graph does. */
export type Clause = 'filter' | 'orderby';

/**
 * A syntax error in `$filter` / `$orderby`. Graph's OData layer answers these with
 * 400 `BadRequest` "Invalid filter clause: …"; the detail after the colon is ours.
 */
export function syntaxError(clause: Clause, text: string, position: number, detail: string): ODataError {
  const message = `Invalid ${clause} clause: Syntax error at position ${position} in '${text}': ${detail}.`;
  return new ODataError('BadRequest', message, { position });
}

/** Graph's exact wording for a filter or orderby on a column that is not indexed. */
export function nonIndexedMessage(name: string): string {
  return (
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. ` +
    "Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, " +
    'but be warned that such queries may fail on large lists.'
  );
}

/** Graph's wording for a field name the list does not have (seen on writes; reused for queries). */
export function unknownFieldMessage(name: string): string {
  return `Field '${name}' is not recognized`;
}
