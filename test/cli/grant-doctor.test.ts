// `malkoll grant` and `malkoll doctor` against the emulator, which models site permissions for
// applications and app-only tokens with the roles registered for the app. The doctor is walked
// through every failure it names, from an empty site to a working configuration.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { textSink } from './text-sink';

const ROOT = path.resolve(__dirname, '..', '..');
const SITE = 'localhost:/sites/malkoll';
const JOB = { appId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', displayName: 'Målkoll dev' };
const OTHER_APP = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

let emulator: RunningEmulator;
const envDir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-doctor-'));

/** An environment file as atk provision leaves it, naming `clientId` as the Entra app. */
function envFile(clientId: string): string {
  const file = path.join(envDir, `.env.${clientId.slice(0, 8)}`);
  writeFileSync(file, `TEAMS_APP_ID=0f9e8d7c-6b5a-4948-8372-615a4b3c2d1e\nAAD_APP_CLIENT_ID=${clientId}\nTAB_DOMAIN=malkoll.azurestaticapps.net\nTAB_ENDPOINT=https://malkoll.azurestaticapps.net\n`);
  return file;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: ROOT, env: { MALKOLL_GRAPH_URL: emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

const doctor = (...extra: string[]): ReturnType<typeof run> => run('doctor', '--site', SITE, '--app', JOB.appId, '--env-file', envFile(JOB.appId), ...extra);

/** The check line of a doctor run and the lines under it, up to the next check. */
function check(out: string, title: string): string {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.includes(title));
  if (start < 0) throw new Error(`no check "${title}" in:\n${out}`);
  const end = lines.findIndex((l, i) => i > start && /^ {2}[✓✗]/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

async function jobCanWriteItems(): Promise<number> {
  const token = emulator.issueToken({ app: true, appId: JOB.appId }).access_token;
  const admin = emulator.issueToken({ app: true }).access_token;
  const auth = (t: string): Record<string, string> => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });
  const lists = (await (await fetch(`${emulator.graphUrl}/sites/${SITE}:/lists`, { headers: auth(admin) })).json()) as { value: Array<{ id: string; displayName: string }> };
  const organisations = lists.value.find((l) => l.displayName === 'Organisationer');
  const answer = await fetch(`${emulator.graphUrl}/sites/${SITE}:/lists/${organisations?.id ?? 'x'}/items`, { method: 'POST', headers: auth(token), body: JSON.stringify({ fields: { Title: 'prov', Code: `P${Date.now()}` } }) });
  return answer.status;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
});

afterAll(async () => {
  await emulator.close();
});

describe('malkoll doctor, from an empty tenant to a working one', () => {
  test('a site that does not exist: named, with how to fix it, and the site checks skipped', async () => {
    const { code, out } = await run('doctor', '--site', 'localhost:/sites/finns-inte', '--app', JOB.appId, '--env-file', envFile(JOB.appId));
    expect(code).toBe(1);
    expect(check(out, 'Webbplatsen nås')).toContain('✗ Webbplatsen nås');
    expect(check(out, 'Webbplatsen nås')).toContain('Webbplatsen localhost:/sites/finns-inte finns inte.');
    expect(check(out, 'Webbplatsen nås')).toContain('Åtgärd: Kontrollera --site');
    expect(check(out, 'Listorna')).toContain('hoppades över');
  });

  test('an app nobody has consented to: no service principal', async () => {
    const { code, out } = await doctor();
    expect(code).toBe(1);
    expect(out).toContain('✓ Webbplatsen nås');
    expect(check(out, 'Jobbets token kan skicka aktivitetsaviseringar')).toContain(`Appen ${JOB.appId} finns inte i klientorganisationen`);
    expect(check(out, 'Jobbets token')).toContain('administratörsmedgivande');
  });

  test('lists not provisioned: each missing list named, malkoll provision as the fix', async () => {
    const { out } = await doctor();
    const lists = check(out, 'Listorna är etablerade utan avvikelser');
    expect(lists).toContain('✗');
    expect(lists).toContain('listan Verksamhetsplaner saknas');
    expect(lists).toContain(`Åtgärd: Kör malkoll provision --site ${SITE}`);
  });

  test('consented without TeamsActivity.Send: the job could not send', async () => {
    emulator.registerApp({ ...JOB, roles: ['Sites.Selected', 'User.Read.All'] });
    const { out } = await doctor();
    expect(check(out, 'Jobbets token kan skicka')).toContain('saknar programbehörigheten TeamsActivity.Send');
  });

  test('without Sites.Selected consented, a site role would not help', async () => {
    emulator.registerApp({ ...JOB, roles: ['TeamsActivity.Send', 'User.Read.All'] });
    const { out } = await doctor();
    expect(check(out, 'Appen har sin roll på webbplatsen')).toContain('saknar programbehörigheten Sites.Selected');
    emulator.registerApp({ ...JOB, roles: ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All'] });
  });

  test('provisioned, consented, but no role on the site: malkoll grant as the fix', async () => {
    expect((await run('provision', '--site', SITE)).code).toBe(0);
    const { out } = await doctor();
    expect(out).toContain('✓ Listorna är etablerade utan avvikelser');
    expect(out).toContain('✓ Jobbets token kan skicka aktivitetsaviseringar');
    const role = check(out, 'Appen har sin roll på webbplatsen');
    expect(role).toContain(`Appen ${JOB.appId} har ingen behörighet på webbplatsen.`);
    expect(role).toContain(`Åtgärd: Kör: malkoll grant --site ${SITE} --app ${JOB.appId} --role write`);
    expect(await jobCanWriteItems()).toBe(403);
  });

  test('a manifest that names another Entra app', async () => {
    const { out } = await run('doctor', '--site', SITE, '--app', JOB.appId, '--env-file', envFile(OTHER_APP));
    const manifest = check(out, 'Manifestets id:n stämmer med Entra-appen');
    expect(manifest).toContain(`webApplicationInfo.id är ${OTHER_APP} men appen är ${JOB.appId}`);
    expect(manifest).toContain('Åtgärd: Rätta AAD_APP_CLIENT_ID');
  });

  test('a manifest that cannot be filled names the missing variable', async () => {
    const empty = path.join(envDir, '.env.empty');
    writeFileSync(empty, 'TEAMSFX_ENV=dev\n');
    const { out } = await run('doctor', '--site', SITE, '--app', JOB.appId, '--env-file', empty);
    expect(check(out, 'Manifestets id:n')).toMatch(/TEAMS_APP_ID|TAB_ENDPOINT/);
  });

  test('after malkoll grant: every check passes', async () => {
    const granted = await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'write');
    expect(granted).toMatchObject({ code: 0, out: `Appen ${JOB.appId} har nu write på ${SITE}.\n` });
    expect(await jobCanWriteItems()).toBe(201);
    const { code, out } = await doctor();
    expect(out).toContain('✓ Appen har sin roll på webbplatsen: write');
    expect(out).toContain('Allt stämmer (5 av 5 kontroller).');
    expect(code).toBe(0);
  });

  test('a read-only grant is named as too little', async () => {
    const admin = emulator.issueToken({ app: true }).access_token;
    const headers = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };
    const site = (await (await fetch(`${emulator.graphUrl}/sites/${SITE}:`, { headers })).json()) as { id: string };
    const permissions = (await (await fetch(`${emulator.graphUrl}/sites/${site.id}/permissions`, { headers })).json()) as { value: Array<{ id: string }> };
    await fetch(`${emulator.graphUrl}/sites/${site.id}/permissions/${permissions.value[0]?.id ?? ''}`, { method: 'PATCH', headers, body: JSON.stringify({ roles: ['read'] }) });
    const { code, out } = await doctor();
    expect(code).toBe(1);
    expect(check(out, 'Appen har sin roll')).toContain('har bara read på webbplatsen');
    expect((await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'write')).out).toContain('har nu write på localhost:/sites/malkoll (hade read)');
  });
});

describe('malkoll grant', () => {
  test('is idempotent, raises write to manage, and never lowers a role', async () => {
    expect((await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'write')).out).toBe(`Appen ${JOB.appId} har redan write på ${SITE}; inget ändrat.\n`);
    expect((await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'manage')).out).toContain('har nu manage');
    expect((await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'write')).out).toContain('har redan manage');
  });

  test('a new manage grant goes through write first, as Graph requires, and ends as manage', async () => {
    const app = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    emulator.registerApp({ appId: app, displayName: 'Provisionering', roles: ['Sites.Selected'] });
    expect((await run('grant', '--site', SITE, '--app', app, '--role', 'manage', '--name', 'Provisionering')).code).toBe(0);
    const token = emulator.issueToken({ app: true, appId: app }).access_token;
    const answer = await fetch(`${emulator.graphUrl}/sites/${SITE}:/lists`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ displayName: 'Skapad med manage', list: { template: 'genericList' } }) });
    expect(answer.status).toBe(201);
  });

  test('wrong usage and a missing site are refused in Swedish', async () => {
    expect(await run('grant', '--site', SITE, '--role', 'write')).toMatchObject({ code: 2, err: expect.stringContaining('--app: ange appens klient-id') });
    expect(await run('grant', '--site', SITE, '--app', JOB.appId, '--role', 'owner')).toMatchObject({ code: 2, err: expect.stringContaining('write eller manage') });
    expect(await run('grant', '--app', JOB.appId, '--role', 'write')).toMatchObject({ code: 2, err: expect.stringContaining('--site') });
    expect(await run('grant', '--site', 'localhost:/sites/finns-inte', '--app', JOB.appId, '--role', 'write')).toMatchObject({ code: 1, err: expect.stringContaining('finns inte') });
  });

  test('both commands are in the help', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/^ {2}grant +\S/m);
    expect(out).toMatch(/^ {2}doctor +\S/m);
  });
});
