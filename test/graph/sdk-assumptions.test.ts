// Pins the behaviour of @microsoft/microsoft-graph-client 3.0.7 that src/graph works around, so an
// SDK upgrade that changes it shows up here rather than as a silent 401 or a wrong URL.
import { AuthenticationHandler, Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

function recordingClient(baseUrl: string, customHosts: string[]) {
  const seen: Array<{ url: string; authorization: string | undefined }> = [];
  const last: Middleware = {
    execute: (context: Context) => {
      const headers = (context.options?.headers ?? {}) as Record<string, string>;
      seen.push({ url: String(context.request), authorization: headers['Authorization'] });
      context.response = new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      return Promise.resolve();
    },
  };
  const client = Client.initWithMiddleware({
    middleware: [new AuthenticationHandler({ getAccessToken: () => Promise.resolve('t') }), last],
    baseUrl,
    customHosts: new Set(customHosts),
  });
  return { client, seen };
}

describe('SDK behaviour src/graph depends on', () => {
  it("AuthenticationHandler sends no token to an http:// custom host (why src/graph has its own auth middleware)", async () => {
    const { client, seen } = recordingClient('http://localhost:7357/', ['localhost']);
    await client.api('/sites/root').responseType(ResponseType.RAW).get();
    expect(seen[0]?.url).toBe('http://localhost:7357/v1.0/sites/root');
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it('AuthenticationHandler does send it to an https:// custom host, matched without the port', async () => {
    const { client, seen } = recordingClient('https://localhost:7357/', ['localhost']);
    await client.api('/sites/root').responseType(ResponseType.RAW).get();
    expect(seen[0]?.authorization).toBe('Bearer t');
  });

  it('GraphRequest treats an absolute http:// link as a path (why links are made origin-relative first)', async () => {
    const { client, seen } = recordingClient('http://localhost:7357/', ['localhost']);
    await client.api('http://localhost:7357/graph/v1.0/x?$top=1').responseType(ResponseType.RAW).get();
    expect(seen[0]?.url).toBe('http://localhost:7357/v1.0/http://localhost:7357/graph/v1.0/x?$top=1');
  });
});
