// Why a command failed, said in Swedish with what to do about it. Node, Graph and @azure/identity
// speak English (ENOENT, "Requested site could not be found", EADDRINUSE); the user reads this.
import path from 'node:path';
import { isGraphRequestError } from '../graph';
import type { GraphRequestError } from '../graph';
import { texts } from './texts';

interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly port?: number;
  readonly syscall?: string;
}

// Duck-typed, not instanceof: errors from Node's own modules may come from another realm (a test
// runner's sandbox), where instanceof Error is false.
const isErrorLike = (error: unknown): error is Error =>
  typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' && typeof (error as { name?: unknown }).name === 'string';

const isSystemError = (error: unknown): error is SystemError => isErrorLike(error) && typeof (error as { code?: unknown }).code === 'string';

/** Errors our own code throws with a finished Swedish message (a plain Error or a named one). */
const isOurs = (error: Error): boolean => !['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'].includes(error.name);

/** A file that could not be read or written, named as the user gave it. */
export function fileProblem(error: unknown, file: string, writing: boolean): string {
  const T = texts.files;
  const code = isSystemError(error) ? error.code : 'okänt fel';
  switch (code) {
    case 'ENOENT':
      return writing ? T.missingFolder(file, path.dirname(file)) : T.missing(file);
    case 'EISDIR':
      return T.isFolder(file);
    case 'ENOTDIR':
      return T.notFolder(file);
    case 'EACCES':
    case 'EPERM':
      return T.noAccess(file, writing);
    case 'ENOSPC':
      return T.full(file);
    case 'EROFS':
      return T.readOnly(file);
    default:
      return T.other(file, writing, code);
  }
}

/** `/sites/{ref}` alone: the lookup of the site itself, not of something on it. */
function siteLookedUp(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const match = /\/sites\/([^?#]+)/.exec(url);
  const ref = match?.[1];
  if (!ref || /\/(lists|permissions|drive|items)(\/|$)/.test(ref)) return undefined;
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

function graphProblem(error: GraphRequestError): string {
  const T = texts.graph;
  const detail = T.detail(error.status, error.code, error.requestId);
  if (error.status === 0) {
    let origin = error.url ?? '';
    try {
      origin = new URL(origin).origin;
    } catch {
      // keep what there is
    }
    const local = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(origin);
    const reason = causes(error).find(isSystemError)?.code ?? 'ingen kontakt';
    return local ? T.unreachableLocal(origin) : T.unreachable(origin, reason);
  }
  if (error.status === 404) {
    const site = siteLookedUp(error.url);
    if (site) return T.siteMissing(site);
    return `${T.notFound(`${error.method ?? 'GET'} ${pathOf(error.url)}`)} ${detail}`;
  }
  const explanation =
    error.status === 401
      ? T.unauthorized
      : error.status === 403
        ? T.forbidden
        : error.status === 409 || error.status === 412
          ? T.conflict
          : error.status === 429 || error.status === 503
            ? T.throttled
            : error.status >= 500
              ? T.serverError
              : T.refused;
  return `${explanation} ${detail}`;
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.pathname);
  } catch {
    return url;
  }
}

/** The error and the errors it was caused by (fetch's "fetch failed" wraps ECONNREFUSED). */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; isErrorLike(e) && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

const IDENTITY_ERRORS = ['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError', 'AuthenticationRequiredError'];

/** The Swedish text for a failure of `command`: the whole message, no stack. */
export function describeFailure(error: unknown, command: string): string {
  const credential = causes(error).find((e) => IDENTITY_ERRORS.includes(e.name));
  if (credential) {
    return `${texts.failure.prefix(command)}${credential.name === 'CredentialUnavailableError' ? texts.graph.signInMissing : texts.graph.signInRefused(/AADSTS\d+/.exec(credential.message)?.[0])}`;
  }
  if (isGraphRequestError(error)) return `${texts.failure.prefix(command)}${graphProblem(error)}`;
  if (isSystemError(error)) {
    if (error.code === 'EADDRINUSE' && error.port !== undefined) return `${texts.failure.prefix(command)}${texts.start.portTaken(error.port)}`;
    if (error.code === 'EACCES' && error.syscall === 'listen' && error.port !== undefined) return `${texts.failure.prefix(command)}${texts.start.portNotAllowed(error.port)}`;
    if (error.path !== undefined) return `${texts.failure.prefix(command)}${fileProblem(error, error.path, false)}`;
    // Node's own system errors (ECONNRESET, …) carry English text; the code is what helps.
    if (error.syscall !== undefined) return texts.failure.unexpected(command, error.code);
  }
  if (isErrorLike(error) && isOurs(error)) return `${texts.failure.prefix(command)}${error.message}`;
  return texts.failure.unexpected(command, isErrorLike(error) ? `${error.name}: ${error.message}` : String(error));
}
