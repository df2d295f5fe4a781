// The injected base URL split the way the SDK wants it, and paths/links resolved against it.
// The SDK's GraphRequest only recognises `https://` absolute URLs (an `http://localhost` nextLink
// would be appended to the base as if it were a path), so every target is resolved here first and
// handed to the SDK as an origin-relative path.

export interface BaseUrl {
  /** Without a trailing slash, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly href: string;
  /** e.g. `http://localhost:7071`. */
  readonly origin: string;
  /** The path under the origin without leading or trailing slash, e.g. `graph/v1.0`. */
  readonly path: string;
  /** Host name without port: what the SDK's `customHosts` holds. */
  readonly hostname: string;
}

export function parseBaseUrl(baseUrl: string): BaseUrl {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Graph base URL must be http(s): ${baseUrl}`);
  if (url.search || url.hash) throw new Error(`Graph base URL must not carry a query or fragment: ${baseUrl}`);
  const path = url.pathname.replace(/^\/+|\/+$/g, '');
  return { href: path ? `${url.origin}/${path}` : url.origin, origin: url.origin, path, hostname: url.hostname.toLowerCase() };
}

export function isAbsoluteUrl(pathOrUrl: string): boolean {
  return /^https?:\/\//i.test(pathOrUrl);
}

/** A path relative to the base (`/sites/root`, `sites/root?$select=id`) or an absolute link, made absolute. */
export function resolveUrl(base: BaseUrl, pathOrUrl: string): string {
  if (isAbsoluteUrl(pathOrUrl)) return pathOrUrl;
  return `${base.href}/${pathOrUrl.replace(/^\/+/, '')}`;
}

/** The part after the origin (`/graph/v1.0/sites/root?…`) when `url` is on the base's origin. */
export function originRelative(base: BaseUrl, url: string): string | undefined {
  const origin = base.origin.toLowerCase();
  if (!url.toLowerCase().startsWith(origin)) return undefined;
  const rest = url.slice(origin.length);
  return rest === '' || rest.startsWith('/') || rest.startsWith('?') ? rest : undefined;
}

/**
 * A `$batch` inner URL: relative to the base with a leading slash. Absolute links under the base
 * are accepted and cut down (Graph rejects absolute inner URLs).
 */
export function batchRelative(base: BaseUrl, pathOrUrl: string): string {
  if (!isAbsoluteUrl(pathOrUrl)) return `/${pathOrUrl.replace(/^\/+/, '')}`;
  const prefix = base.href.toLowerCase();
  const lower = pathOrUrl.toLowerCase();
  if (lower.startsWith(`${prefix}/`) || lower.startsWith(`${prefix}?`)) return `/${pathOrUrl.slice(prefix.length).replace(/^\/+/, '')}`;
  throw new Error(`A $batch request URL must be under ${base.href}: ${pathOrUrl}`);
}
