// The write API as `npm start` mounts it: the emulator with the lists, the Målkoll app registered
// with its Sites.Selected write grant, everyone else with Read on the site, and the API under /api.
import path from 'node:path';
import { localTeamsManifest } from '../../src/cli/app-manifests';
import { localApiAudience, localWriteApi } from '../../src/cli/local-api';
import { installForPeople, registerMalkollApp } from '../../src/cli/local-seed';
import type { MountedApi } from '../../src/emulator';
import { importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ApiHarness extends Harness {
  readonly appId: string;
  /** A user's token for the API's scope, as the tab gets it. */
  apiToken(upn: string): string;
  /** Calls the API over HTTP, on the emulator's origin, as the tab does. */
  call(token: string | undefined, method: string, pathUnderApi: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
}

export async function startApiHarness(options: { clock?: () => Date; fixtures?: readonly string[] } = {}): Promise<ApiHarness> {
  const mounted: { api?: MountedApi } = {};
  const h = await startHarness({ api: (request) => (mounted.api ? mounted.api(request) : Promise.resolve({ status: 503 })) });
  const appId = await registerMalkollApp(h.emulator, h.client(), localTeamsManifest(ROOT));
  for (const name of options.fixtures ?? ['rs-2025.json']) {
    const doc = fixture(name);
    registerPeople(h.emulator, doc);
    await importPlan(await h.store(), doc);
  }
  h.emulator.setMemberLevels({ '*': 'read' });
  const manifest = localTeamsManifest(ROOT);
  installForPeople(h.emulator, (options.fixtures ?? ['rs-2025.json']).map(fixture), manifest.id);
  mounted.api = localWriteApi(h.emulator, appId, { teamsAppId: manifest.id, ...(options.clock ? { clock: options.clock } : {}) });
  return {
    ...h,
    appId,
    apiToken: (upn) => h.emulator.issueApiToken({ upn, audience: localApiAudience(appId) }).access_token,
    async call(token, method, pathUnderApi, body, headers = {}) {
      const response = await fetch(`${h.emulator.url}/api${pathUnderApi}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}
