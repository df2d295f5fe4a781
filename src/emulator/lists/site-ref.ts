/**
 * The site reference in `/sites/{siteRef}`: `root`, a hostname, `hostname:/server/relative/path`
 * (optionally closed by `:` before further segments), or an ID: `host,siteGuid,webGuid`,
 * `host,siteGuid` or `siteGuid` (commas possibly still encoded as %2C).
 */

export type SiteRef =
  | { kind: 'root' }
  | { kind: 'host'; hostname: string }
  | { kind: 'path'; hostname: string; path: string }
  | { kind: 'id'; hostname?: string; siteCollectionId: string; webId?: string | undefined };

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

function guid(text: string | undefined): string | undefined {
  const m = text === undefined ? null : GUID.exec(text.trim());
  return m?.[1]?.toLowerCase();
}

/** `/sites/malkoll/` → `/sites/malkoll`; empty → `/`. */
export function normalizePath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

/** The reference's parts, or undefined when it cannot name a site. */
export function parseSiteRef(raw: string): SiteRef | undefined {
  const ref = raw.replace(/%2C/gi, ',').trim();
  if (ref === '') return undefined;
  if (ref.toLowerCase() === 'root') return { kind: 'root' };
  const colon = ref.indexOf(':');
  if (colon >= 0) {
    const hostname = ref.slice(0, colon);
    let path = ref.slice(colon + 1);
    if (path.endsWith(':')) path = path.slice(0, -1);
    if (hostname === '' || !path.startsWith('/')) return undefined;
    return { kind: 'path', hostname, path: normalizePath(path) };
  }
  const parts = ref.split(',');
  if (parts.length === 1) {
    const only = guid(ref);
    return only ? { kind: 'id', siteCollectionId: only } : { kind: 'host', hostname: ref };
  }
  if (parts.length > 3) return undefined;
  const [hostname, site, web] = parts;
  const siteCollectionId = guid(site);
  const webId = web === undefined ? undefined : guid(web);
  if (!hostname || !siteCollectionId || (web !== undefined && !webId)) return undefined;
  return { kind: 'id', hostname, siteCollectionId, webId };
}
