/**
 * The Graph errors this part answers with, in one place so wording stays consistent.
 * Where the research has Graph's (or SharePoint's) exact text it is used; the rest is marked
 * "wording ours" and listed in the differences document.
 */
import { GraphError } from '../server/contract';
import { ODataError } from '../odata';

export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

/** Graph's reply to a POST/PATCH without a JSON object body. */
export function emptyPayload(): GraphError {
  return new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
}

export function siteNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'Requested site could not be found');
}

/** Wording ours: Graph's exact message for an unknown list is not recorded in the research. */
export function listNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'The specified list was not found');
}

/** Wording ours (the research confirms only the code). */
export function itemNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'Item not found');
}

/** Wording ours. */
export function columnNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'The specified column was not found');
}

/** Graph's write-time wording for a field the list does not have. */
export function fieldNotRecognized(name: string): GraphError {
  return invalidRequest(`Field '${name}' is not recognized`);
}

/**
 * 412 on an If-Match mismatch. The listItem body is unverified; `resourceModified` is the closest
 * documented code, with its documented description.
 */
export function preconditionFailed(): GraphError {
  return new GraphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch.');
}

/** SharePoint's wording for a unique-column violation, surfaced by Graph as 409 nameAlreadyExists. */
export function duplicateValue(columnName: string): GraphError {
  return new GraphError(
    409,
    'nameAlreadyExists',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${columnName}].`,
  );
}

/** SharePoint's wording for a second list with the same title in a site. */
export function duplicateList(): GraphError {
  return new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site. Please choose another title.',
  );
}

/** SharePoint's wording for a second column with the same internal name in a list. */
export function duplicateColumn(name: string): GraphError {
  return new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
}

/** 410 for a delta token the emulator cannot serve; Location starts a fresh enumeration. */
export function resyncRequired(location: string): GraphError {
  return new GraphError(410, 'resyncRequired', 'The delta token is no longer valid, and the app must reset the sync state.', {
    Location: location,
  });
}

/**
 * A query over the list view threshold. SharePoint's REST API answers 500 with this code and text
 * (pnp/pnpjs#3149, SharePoint/sp-dev-docs#6826); Graph's own body for it is unrecorded, and it has
 * also been seen answering 429 (msgraph-sdk-dotnet#827). A 500 is not retried, so a query that
 * breaks the rule fails at once instead of after a minute of backoff.
 */
export function listViewThresholdExceeded(): GraphError {
  return new GraphError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

/** ODataError → GraphError with the same status, code and message; anything else is rethrown. */
export function asGraphError(error: unknown): unknown {
  if (error instanceof ODataError) return new GraphError(error.status, error.code, error.message);
  return error;
}
