// Who may talk to the emulator: only requests addressed to it by a loopback name and its own port
// (a DNS-rebinding page arrives with its own host name in `Host`), and, when the browser says where
// the request comes from, only from the emulator's own origin. The emulator mints tokens and holds
// every list, so a foreign page must not reach it even though it listens on loopback only.

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostAndPort(authority: string): { host: string; port: string } | undefined {
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d*))?$/.exec(authority.trim());
  if (!match) return undefined;
  return { host: (match[1] ?? '').toLowerCase(), port: match[2] ?? '' };
}

function isOwnAuthority(authority: string, port: number, defaultPort: number): boolean {
  const parsed = hostAndPort(authority);
  if (!parsed || !LOOPBACK_NAMES.has(parsed.host)) return false;
  const given = parsed.port === '' ? defaultPort : Number(parsed.port);
  return given === port;
}

function isOwnOrigin(origin: string, port: number): boolean {
  const match = /^(https?):\/\/([^/?#]+)$/i.exec(origin.trim());
  if (!match) return false;
  const scheme = (match[1] ?? '').toLowerCase();
  return isOwnAuthority(match[2] ?? '', port, scheme === 'https' ? 443 : 80);
}

/** Why the request is refused, or undefined when it may go on. Header names lower-cased. */
export function foreignRequest(headers: Readonly<Record<string, string | undefined>>, port: number): string | undefined {
  const host = headers['host'];
  if (host === undefined || !isOwnAuthority(host, port, 80)) {
    return `The emulator answers only requests addressed to localhost:${port}, 127.0.0.1:${port} or [::1]:${port}, not Host ${JSON.stringify(host ?? '')}.`;
  }
  const origin = headers['origin'];
  if (origin !== undefined && !isOwnOrigin(origin, port)) {
    return `Cross-site request refused: Origin ${JSON.stringify(origin)} is not the emulator's own (http://localhost:${port}).`;
  }
  // A no-cors request (an image, a script) carries no Origin, but the browser still says it is cross-site.
  if (headers['sec-fetch-site'] === 'cross-site') return "Cross-site request refused (Sec-Fetch-Site: cross-site).";
  return undefined;
}

/** The Host check alone, for the static files (a navigation from another site's link is fine). */
export function foreignHost(headers: Readonly<Record<string, string | undefined>>, port: number): string | undefined {
  const host = headers['host'];
  return host !== undefined && isOwnAuthority(host, port, 80) ? undefined : foreignRequest(headers, port);
}
