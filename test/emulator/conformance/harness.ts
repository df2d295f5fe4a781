// Black-box harness for the emulator conformance suite: starts an emulator in-process on a free
// port and talks to it only over HTTP, through @microsoft/microsoft-graph-client v3 (the client the
// product uses). No handler is ever called directly.
//
// Transport note (read from node_modules/@microsoft/microsoft-graph-client/lib/src, v3.0.7):
// the SDK's AuthenticationHandler attaches `Authorization` only when the request URL is a Graph
// host or a declared `customHosts` entry, and its host check (GraphRequestUtil.isValidEndpoint)
// only recognises URLs containing `https://`. Over plain `http://` the header is removed even with
// `customHosts`. So the suite uses two kinds of client:
//  - `graphClient()`: a custom middleware chain (bearer token -> SDK RetryHandler -> SDK
//    HTTPMessageHandler), the "auth -> retry -> fetch" chain of the architecture, which works on
//    the emulator's plain-HTTP origin;
//  - `defaultChainClient()`: the SDK's default chain (authProvider + customHosts), used by the
//    transport test on an `https://` base URL (`withHttpsOrigin`) to show that with `customHosts`
//    the token reaches the emulator, and without `customHosts` it does not.
import {
  Client,
  HTTPMessageHandler,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { startEmulator } from '../../../src/emulator/index';

export type EmulatorOptions = NonNullable<Parameters<typeof startEmulator>[0]>;
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The research notes' exact non-indexed message (graph-lists.md §3). */
export function nonIndexedMessage(field: string): string {
  return (
    `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. ` +
    "Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, " +
    'but be warned that such queries may fail on large lists.'
  );
}

export const PREFER_NON_INDEXED = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } as const;

/** eTag as Graph emits it: `"{guid},{version}"` with literal quotes; braces optional. */
export const ETAG_RE = /^"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?,(\d+)"$/;
export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function etagVersion(etag: unknown): number {
  if (typeof etag !== 'string') throw new Error(`eTag is not a string: ${String(etag)}`);
  const m = ETAG_RE.exec(etag);
  if (!m?.[1]) throw new Error(`eTag not in "{guid},{n}" form: ${etag}`);
  return Number(m[1]);
}

/** Start an emulator for one test file: in memory, small pages, free port. */
export async function startTestEmulator(extra: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, dbPath: ':memory:', defaultPageSize: 5, ...extra });
}

/**
 * Delegated scopes that allow every operation the conformance files exercise (lists and columns
 * included). Tokens with the front ends' own scopes are tested in delegated-scopes.test.ts.
 */
export const EVERY_SCOPE = ['Sites.Manage.All', 'Sites.ReadWrite.All', 'User.Read', 'User.Read.All', 'TeamsActivity.Send'] as const;

export async function tokenFor(emu: Emulator, who: { upn: string } | { app: true }): Promise<string> {
  return (await emu.issueToken('upn' in who ? { upn: who.upn, scopes: EVERY_SCOPE } : who)).access_token;
}

export const ANNA = { upn: 'anna@malkoll.test', displayName: 'Anna Andersson' } as const;

/** Registers Anna and returns her delegated token: what most files start from. */
export async function signInAnna(emu: Emulator): Promise<string> {
  await emu.registerUsers([ANNA]);
  return tokenFor(emu, { upn: ANNA.upn });
}

/** Creates a list on the site and returns its items path. */
export async function createListItemsPath(g: GraphCaller, site: string, body: Json): Promise<string> {
  return `/sites/${site}/lists/${str((await createList(g, site, body))['id'])}/items`;
}

// ---------------------------------------------------------------------------------------------
// Narrowing helpers (no `any`)

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown, what = 'value'): Json {
  if (!isRecord(v)) throw new Error(`${what} is not an object: ${JSON.stringify(v)}`);
  return v;
}

export function arr(v: unknown, what = 'value'): unknown[] {
  if (!Array.isArray(v)) throw new Error(`${what} is not an array: ${JSON.stringify(v)}`);
  return v;
}

export function str(v: unknown, what = 'value'): string {
  if (typeof v !== 'string') throw new Error(`${what} is not a string: ${JSON.stringify(v)}`);
  return v;
}

/** `value` of a collection body, as objects. */
export function values(body: unknown): Json[] {
  return arr(rec(body, 'body')['value'], 'body.value').map((v, i) => rec(v, `value[${i}]`));
}

export function field(item: unknown, name: string): unknown {
  return rec(rec(item, 'item')['fields'], 'item.fields')[name];
}

// ---------------------------------------------------------------------------------------------
// Middleware and clients

/** Adds `Authorization: Bearer <token>` on every request (what the product's auth middleware does). */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly getToken: () => Promise<string> | string) {}
  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    const options = context.options ?? {};
    const headers: Record<string, string> = { ...toHeaderRecord(options.headers), Authorization: `Bearer ${token}` };
    options.headers = headers;
    context.options = options;
    if (!this.next) throw new Error('BearerTokenMiddleware has no next middleware');
    await this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function toHeaderRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  new Headers(h).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

export interface ClientOptions {
  /** Token to send; undefined sends no Authorization header at all. */
  token?: string;
  /** SDK RetryHandler options; default: the SDK's defaults (delay 3 s, 3 retries). */
  retry?: RetryHandlerOptions;
  /** Called for every attempt that reaches the wire (after the RetryHandler), with its status. */
  observe?: (attempt: { method: string; url: string; status: number }) => void;
}

/** Sits between the RetryHandler and fetch, so it sees each retry as its own attempt. */
class ObserverMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly observe: NonNullable<ClientOptions['observe']>) {}
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('ObserverMiddleware has no next middleware');
    await this.next.execute(context);
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    this.observe({ method: context.options?.method ?? 'GET', url, status: context.response?.status ?? 0 });
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The suite's client: bearer -> SDK RetryHandler -> SDK HTTPMessageHandler, base = graphUrl. */
export function graphClient(emu: Emulator, opts: ClientOptions = {}): GraphCaller {
  const chain: Middleware[] = [];
  const token = opts.token;
  if (token !== undefined) chain.push(new BearerTokenMiddleware(() => token));
  chain.push(new RetryHandler(opts.retry ?? new RetryHandlerOptions()));
  if (opts.observe) chain.push(new ObserverMiddleware(opts.observe));
  chain.push(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ middleware: chain, baseUrl: emu.graphUrl, defaultVersion: '' });
  return new GraphCaller(client, emu.graphUrl);
}

/** The SDK's default chain (AuthenticationHandler, RetryHandler, RedirectHandler, Telemetry, fetch). */
export function defaultChainClient(baseGraphUrl: string, token: string, customHosts?: Set<string>): GraphCaller {
  const client = Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    baseUrl: baseGraphUrl,
    defaultVersion: '',
    ...(customHosts ? { customHosts } : {}),
  });
  return new GraphCaller(client, baseGraphUrl);
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined when empty. */
  body: unknown;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thin wrapper over the SDK that returns status, headers and body for every answer (RAW). */
export class GraphCaller {
  constructor(
    readonly client: Client,
    readonly graphUrl: string,
  ) {}

  /** `path` is relative to graphUrl (`/sites/root`) or an absolute link the emulator gave. */
  async call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', pathOrLink: string, opts: CallOptions = {}): Promise<HttpResult> {
    let req = this.client.api(this.relative(pathOrLink)).responseType(ResponseType.RAW);
    if (opts.headers) req = req.headers(opts.headers);
    let raw: unknown;
    switch (method) {
      case 'GET':
        raw = await req.get();
        break;
      case 'POST':
        raw = await req.post(opts.body ?? {});
        break;
      case 'PATCH':
        raw = await req.patch(opts.body ?? {});
        break;
      case 'PUT':
        raw = await req.put(opts.body ?? {});
        break;
      case 'DELETE':
        raw = await req.delete();
        break;
    }
    if (!(raw instanceof Response)) throw new Error(`SDK returned no Response for ${method} ${pathOrLink}`);
    const text = await raw.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    return { status: raw.status, headers: raw.headers, body, text };
  }

  get(p: string, headers?: Record<string, string>): Promise<HttpResult> {
    return this.call('GET', p, headers ? { headers } : {});
  }
  post(p: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    return this.call('POST', p, headers ? { body, headers } : { body });
  }
  patch(p: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    return this.call('PATCH', p, headers ? { body, headers } : { body });
  }
  del(p: string, headers?: Record<string, string>): Promise<HttpResult> {
    return this.call('DELETE', p, headers ? { headers } : {});
  }

  /**
   * The SDK only strips the base of absolute `https://` URLs, so an emulator link on an http
   * origin is made relative to graphUrl here. A link must live under graphUrl.
   */
  relative(pathOrLink: string): string {
    if (!/^https?:\/\//i.test(pathOrLink)) return pathOrLink;
    if (!pathOrLink.startsWith(this.graphUrl)) {
      throw new Error(`link ${pathOrLink} is not under the client's Graph root ${this.graphUrl}`);
    }
    return pathOrLink.slice(this.graphUrl.length) || '/';
  }

  /** Follow @odata.nextLink to the end; returns every page's body. */
  async pages(first: string, headers?: Record<string, string>, maxPages = 1000): Promise<Json[]> {
    const out: Json[] = [];
    let next: string | undefined = first;
    while (next !== undefined) {
      if (out.length >= maxPages) throw new Error('too many pages');
      const r = await this.get(next, headers);
      if (r.status !== 200) throw new Error(`GET ${next} -> ${r.status} ${r.text}`);
      const body = rec(r.body, 'page');
      out.push(body);
      const link = body['@odata.nextLink'];
      next = typeof link === 'string' ? link : undefined;
    }
    return out;
  }
}

/** Assert the Graph error envelope; returns `error`. */
export function expectErrorEnvelope(r: HttpResult, status: number | number[]): Json {
  const statuses = Array.isArray(status) ? status : [status];
  if (!statuses.includes(r.status)) {
    throw new Error(`expected HTTP ${statuses.join('/')}, got ${r.status}: ${r.text}`);
  }
  const error = rec(rec(r.body, 'error body')['error'], 'error');
  expect(typeof error['code']).toBe('string');
  expect(str(error['code']).length).toBeGreaterThan(0);
  expect(typeof error['message']).toBe('string');
  const inner = rec(error['innerError'], 'error.innerError');
  expect(typeof inner['request-id']).toBe('string');
  expect(str(inner['request-id']).length).toBeGreaterThan(0);
  expect(typeof inner['date']).toBe('string');
  expect(Number.isNaN(Date.parse(str(inner['date'])))).toBe(false);
  return error;
}

export function expectStatus(r: HttpResult, status: number): void {
  if (r.status !== status) throw new Error(`expected HTTP ${status}, got ${r.status}: ${r.text}`);
}

// ---------------------------------------------------------------------------------------------
// Site and list helpers

export const SITE_PATH = '/sites/localhost:/sites/malkoll';

export async function siteId(g: GraphCaller): Promise<string> {
  const r = await g.get(SITE_PATH);
  expectStatus(r, 200);
  return str(rec(r.body)['id'], 'site.id');
}

export async function createList(g: GraphCaller, site: string, body: Json): Promise<Json> {
  const r = await g.post(`/sites/${site}/lists`, body);
  expectStatus(r, 201);
  return rec(r.body, 'list');
}

export async function createItem(g: GraphCaller, itemsPath: string, fields: Json): Promise<Json> {
  const r = await g.post(itemsPath, { fields });
  expectStatus(r, 201);
  return rec(r.body, 'item');
}

/** Encode a query-option value for the SDK (which passes query strings through untouched). */
export function q(value: string): string {
  return encodeURIComponent(value);
}

// ---------------------------------------------------------------------------------------------
// The SDK authenticates only `https://` URLs, and the emulator serves plain http. To show the
// default chain's decision exactly as the product would meet it behind TLS, the client is given an
// `https://localhost:PORT/graph/v1.0` base URL and, for the duration of `fn`, the global `fetch`
// (which the SDK's HTTPMessageHandler calls) is wrapped so that only the scheme of that origin is
// changed to `http:` on the wire. Everything above fetch — AuthenticationHandler, RetryHandler,
// RedirectHandler, TelemetryHandler — runs unchanged on the https URL.

export function httpsGraphUrl(emu: Emulator): string {
  return emu.graphUrl.replace(/^http:/, 'https:');
}

export async function withHttpsOrigin<T>(emu: Emulator, fn: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  const httpsOrigin = new URL(httpsGraphUrl(emu)).origin;
  const httpOrigin = new URL(emu.url).origin;
  const rewrite = (url: string): string => (url.startsWith(httpsOrigin) ? httpOrigin + url.slice(httpsOrigin.length) : url);
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input === 'string') return original(rewrite(input), init);
    if (input instanceof URL) return original(rewrite(input.href), init);
    return original(new Request(rewrite(input.url), input), init);
  };
  try {
    return await fn();
  } finally {
    globalThis.fetch = original;
  }
}
