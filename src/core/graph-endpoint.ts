// Where Målkoll may send its Graph tokens: Microsoft Graph itself (the global service or a national
// cloud) over https, or the local emulator on a loopback name. Anything else — another https host,
// plain http, a metadata address — would hand a tenant's token to whoever answers there, so every
// entry point (command line, Function, front ends) asks this one check when it reads its settings.

/** Microsoft Graph's service roots: global, US Government L4 and L5 (DoD), China (21Vianet). */
export const GRAPH_CLOUD_HOSTS: readonly string[] = ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'];

/** Host names the local emulator answers on (it listens on loopback only). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The emulator's Graph root under its origin. */
export const EMULATOR_GRAPH_PATH = '/graph/v1.0';

const GRAPH_VERSIONS: readonly string[] = ['/v1.0', '/beta'];

export type GraphEndpoint =
  /** `url` without a trailing slash, e.g. `https://graph.microsoft.com/v1.0`. */
  | { readonly kind: 'graph'; readonly url: string }
  /** The local emulator; `origin` is e.g. `http://localhost:3000`. */
  | { readonly kind: 'emulator'; readonly url: string; readonly origin: string };

export type GraphEndpointCheck = { readonly ok: true; readonly endpoint: GraphEndpoint } | { readonly ok: false; readonly problem: string };

const WHERE_TOKENS_GO = `Åtkomsttoken skickas bara över https till Microsoft Graph (${GRAPH_CLOUD_HOSTS.join(', ')}) eller till den lokala emulatorn (http://localhost:PORT${EMULATOR_GRAPH_PATH}).`;

function refused(problem: string): GraphEndpointCheck {
  return { ok: false, problem };
}

/** Checks a configured Graph base URL; a refusal says in Swedish what is wrong and what is allowed. */
export function checkGraphEndpoint(raw: string): GraphEndpointCheck {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refused(`"${raw}" är ingen giltig adress. Exempel: https://graph.microsoft.com/v1.0`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    return refused(`"${raw}" får inte innehålla inloggningsuppgifter, frågedel eller fragment: ange bara Graph-roten, till exempel https://graph.microsoft.com/v1.0.`);
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '');
  if (GRAPH_CLOUD_HOSTS.includes(host)) {
    if (url.protocol !== 'https:') return refused(`"${raw}": Microsoft Graph nås bara över https (https://${host}/v1.0).`);
    if (url.port !== '') return refused(`"${raw}": Microsoft Graph nås utan portnummer (https://${host}/v1.0).`);
    if (!GRAPH_VERSIONS.includes(path.toLowerCase())) return refused(`"${raw}": Graph-roten är https://${host}/v1.0 (eller /beta), inte sökvägen "${url.pathname}".`);
    return { ok: true, endpoint: { kind: 'graph', url: `https://${host}${path}` } };
  }
  if (LOOPBACK_HOSTS.includes(host)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return refused(`"${raw}": ${WHERE_TOKENS_GO}`);
    if (path !== EMULATOR_GRAPH_PATH) return refused(`"${raw}": den lokala emulatorns Graph-rot är ${url.origin}${EMULATOR_GRAPH_PATH}.`);
    return { ok: true, endpoint: { kind: 'emulator', url: `${url.origin}${path}`, origin: url.origin } };
  }
  return refused(`"${raw}" är inte Microsoft Graph. ${WHERE_TOKENS_GO}`);
}
