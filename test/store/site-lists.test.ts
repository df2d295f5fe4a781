// A site provisioned before the job's lease list existed still opens for the tab and the add-in;
// the job, when it needs the list, says to provision.
import { startEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import { LISTS, provision } from '../../src/lists';
import { openSite } from '../../src/store';
import { listPath } from '../../src/store/site';
import { SITE } from './harness';

test('without Körningar the site opens, and asking for it names the list and the command', async () => {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
  try {
    const token = emulator.issueToken({ app: true }).access_token;
    const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
    // As provisioned before the list existed.
    await provision(client, SITE, { lists: LISTS.filter((l) => l.name !== 'Leases') });
    const site = await openSite(client, SITE);
    expect(site.listIds.FollowUps).toBeTruthy();
    expect(() => listPath(site, 'Leases')).toThrow('Listorna Körningar finns inte på webbplatsen. Kör "malkoll provision" först.');
  } finally {
    await emulator.close();
  }
});
