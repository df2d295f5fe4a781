// Which hosts get the bearer token. Mirrors the SDK's rule (national-cloud Graph hosts plus the
// client's declared `customHosts`, compared by host name without the port) but parses with `URL`:
// the SDK's own check only understands `https://` and so never sends a token to the emulator's
// `http://localhost:PORT`.

/** The SDK's GRAPH_URLS (Constants.ts), copied because the SDK does not export it. */
const GRAPH_HOSTS: ReadonlySet<string> = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

export function isTokenHost(url: string, customHosts: ReadonlySet<string> | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (GRAPH_HOSTS.has(host)) return parsed.protocol === 'https:';
  if (!customHosts) return false;
  for (const custom of customHosts) {
    const wanted = custom.toLowerCase();
    if (wanted === host || wanted === parsed.host.toLowerCase()) return true;
  }
  return false;
}
