// The socket side: reads a request, sends it to the Graph pipeline (under /graph/v1.0), the dev
// endpoints (/_dev) or the static folder, and writes the answer.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { EmulatorResponse } from './contract';
import { GraphError } from './contract';
import type { DevRequest } from './dev-routes';
import { errorEnvelope, generalException } from './graph-errors';
import { foreignHost, foreignRequest } from './local-origin';
import type { GraphPipeline } from './pipeline';
import { serveStatic } from './static-files';

export const GRAPH_ROOT = '/graph/v1.0';
export const DEV_ROOT = '/_dev';
/** Where `npm start` mounts Målkoll's own API, on the same origin as the tab. */
export const API_ROOT = '/api';
/** Graph refuses larger request bodies (4 MB is its documented batch payload limit). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface EmulatorLogger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A request to the mounted API, as the socket read it. */
export interface MountedApiRequest {
  readonly method: string;
  /** Path after `/api`, e.g. `/follow-ups`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface MountedApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

export type MountedApi = (request: MountedApiRequest) => Promise<MountedApiResponse>;

export interface HttpDeps {
  pipeline: GraphPipeline;
  dev: (req: DevRequest) => EmulatorResponse;
  now: () => Date;
  /** The port the server listens on: `Host` and `Origin` must name it. */
  port: () => number;
  staticRoot?: string;
  /** Served under /api. */
  api?: MountedApi;
  logger?: EmulatorLogger;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function write(res: ServerResponse, response: EmulatorResponse, method: string): void {
  const headers: Record<string, string | number> = { ...response.headers };
  const payload = response.body === undefined ? undefined : Buffer.from(JSON.stringify(response.body), 'utf8');
  if (payload) headers['Content-Length'] = payload.length;
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

/** Answers outside the Graph pipeline use the same envelope, with a request id of their own. */
function outsideError(error: unknown, now: Date): EmulatorResponse {
  const requestId = randomUUID();
  const graphError = error instanceof GraphError ? error : generalException();
  return {
    status: graphError.status,
    headers: { ...graphError.headers, 'Content-Type': 'application/json', 'request-id': requestId, 'client-request-id': requestId },
    body: errorEnvelope(graphError.code, graphError.message, { requestId, clientRequestId: requestId }, now),
  };
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) throw new GraphError(400, 'invalidRequest', 'A JSON body is required.');
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new GraphError(400, 'invalidRequest', 'The body is not valid JSON.');
  }
}

/** A path that does not decode, or decodes to a NUL, names no resource (and no file). */
function checkPath(rawPath: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new GraphError(400, 'BadRequest', `The request path '${rawPath}' is not validly percent-encoded.`);
  }
  if (decoded.includes('\0')) throw new GraphError(400, 'BadRequest', `The request path '${rawPath}' contains a NUL character.`);
}

function isUnder(rawPath: string, root: string): boolean {
  return rawPath === root || rawPath.startsWith(`${root}/`);
}

export function createRequestListener(deps: HttpDeps): RequestListener {
  async function answer(req: IncomingMessage, res: ServerResponse, method: string, rawPath: string, rawQuery: string): Promise<number> {
    const headers = lowerCaseHeaders(req);
    const ownSurface = isUnder(rawPath, GRAPH_ROOT) || rawPath.startsWith('/graph/') || isUnder(rawPath, DEV_ROOT) || isUnder(rawPath, API_ROOT);
    const refusal = ownSurface ? foreignRequest(headers, deps.port()) : foreignHost(headers, deps.port());
    if (refusal !== undefined) throw new GraphError(403, 'Forbidden', refusal);
    checkPath(rawPath);
    const query = new URLSearchParams(rawQuery);
    if (isUnder(rawPath, GRAPH_ROOT)) {
      const bytes = await readBody(req);
      const response = await deps.pipeline.handle({
        method,
        rawPath: rawPath.slice(GRAPH_ROOT.length) || '/',
        query,
        headers,
        input: bytes.length > 0 ? { kind: 'bytes', bytes } : { kind: 'none' },
        graphBaseUrl: `http://${req.headers.host ?? 'localhost'}${GRAPH_ROOT}`,
      });
      write(res, response, method);
      return response.status;
    }
    if (rawPath.startsWith('/graph/')) {
      // The emulator serves v1.0 only.
      const version = rawPath.split('/')[2] ?? '';
      throw new GraphError(400, 'BadRequest', `Invalid version: ${version}`);
    }
    if (isUnder(rawPath, DEV_ROOT)) {
      const bytes = await readBody(req);
      const response = deps.dev({ method, path: rawPath.slice(DEV_ROOT.length) || '/', query, body: () => parseJson(bytes) });
      const requestId = randomUUID();
      write(res, { ...response, headers: { 'Content-Type': 'application/json; charset=utf-8', 'request-id': requestId, ...response.headers } }, method);
      return response.status;
    }
    if (deps.api && isUnder(rawPath, API_ROOT)) {
      const response = await deps.api({ method, path: rawPath.slice(API_ROOT.length) || '/', query, headers, body: await readBody(req) });
      write(res, { status: response.status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...response.headers }, body: response.body }, method);
      return response.status;
    }
    if (deps.staticRoot !== undefined && serveStatic(deps.staticRoot, method, rawPath, res)) return 200;
    throw new GraphError(404, 'notFound', `Nothing is served at ${rawPath}. Graph is under ${GRAPH_ROOT}, the emulator's own endpoints under ${DEV_ROOT}.`);
  }

  return (req, res) => {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q >= 0 ? url.slice(0, q) : url;
    const rawQuery = q >= 0 ? url.slice(q + 1) : '';
    answer(req, res, method, rawPath, rawQuery)
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          error = new GraphError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
        } else if (!(error instanceof GraphError)) {
          deps.logger?.error(`${method} ${rawPath} failed`, error);
        }
        const response = outsideError(error, deps.now());
        if (!res.headersSent) write(res, response, method);
        else res.destroy();
        return response.status;
      })
      .then((status) => deps.logger?.info(`${method} ${rawPath} ${status} ${Date.now() - started} ms`))
      .catch(() => undefined);
  };
}
