// Graph's error envelope and the errors the server part raises, with Graph's wording where it is
// known. Sources are in docs/emulator.md ("Differences from Microsoft Graph" says which wordings
// are observed and which are the emulator's own).
import { GraphError } from './contract';

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph writes `innerError.date` in UTC without fraction or zone: `2024-06-15T09:51:54`. */
export function graphDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function errorEnvelope(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  date: Date,
): ErrorEnvelope {
  return {
    error: {
      code,
      message,
      innerError: { date: graphDate(date), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
    },
  };
}

/** What Graph sends with a 401, so clients that parse the challenge find the same shape. */
const AUTH_CHALLENGE = {
  'WWW-Authenticate':
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

export function invalidToken(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, AUTH_CHALLENGE);
}

/** Graph's answer for a path segment it has no resource for (always 400, never 404). */
export function segmentNotFound(segment: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

export function methodNotAllowed(allowed: readonly string[]): GraphError {
  return new GraphError(405, 'methodNotAllowed', 'The method is not supported for this URL.', { Allow: allowed.join(', ') });
}

export function notImplemented(what: string): GraphError {
  return new GraphError(501, 'notImplemented', `${what} is recognised by the emulator but not implemented.`);
}

/** The directory's 404 for a user (or manager) that is not there. */
export function resourceNotFound(resource: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function badRequest(message: string, code = 'BadRequest'): GraphError {
  return new GraphError(400, code, message);
}

/** Graph's wording for a body that is not JSON (or has no JSON content type). */
export const UNREADABLE_JSON =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** SharePoint's catch-all, which Graph passes through for list calls. */
export function generalException(): GraphError {
  return new GraphError(500, 'generalException', 'An unspecified error has occurred.');
}
