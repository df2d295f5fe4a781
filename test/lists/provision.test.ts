// Provisioning against the emulator: columns one by one (the index with the column, uniqueness in a
// PATCH after it), then every list read back, so a column SharePoint dropped or left without its
// index or uniqueness is reported instead of failing every later query (real-tenant-findings F9).
import { startEmulator } from '../../src/emulator';
import type { RunningEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import type { GraphClient } from '../../src/graph';
import { LISTS, provision } from '../../src/lists';

const SITE = 'localhost:/sites/malkoll';
let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
});

afterEach(async () => {
  await emulator.close();
});

function appClient(): GraphClient {
  const token = emulator.issueToken({ app: true }).access_token;
  return createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
}

interface Sent {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * A client that records its writes; `alter` may change what reaches the service, or drop a write
 * (answered as if done): a service that answers but does not do it all.
 */
function recording(client: GraphClient, alter: (write: Sent) => Record<string, unknown> | 'drop' | undefined = () => undefined): { client: GraphClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const write =
    (method: Sent['method']) =>
    async <T>(path: string, body: unknown): Promise<{ body: T }> => {
      const entry = { method, path, body: body as Record<string, unknown> };
      sent.push(entry);
      const altered = alter(entry) ?? entry.body;
      if (altered === 'drop') return { body: { id: '00000000-0000-4000-8000-000000000000', ...entry.body } as T };
      return method === 'POST' ? client.post<T>(path, altered) : client.patch<T>(path, altered);
    };
  return { client: { ...client, post: write('POST'), patch: write('PATCH') }, sent };
}

const isColumnCreate = (w: Sent, name: string): boolean => w.method === 'POST' && w.path.endsWith('/columns') && w.body.name === name;

test('a new site gets every list and column, unique keys made unique after their column, and nothing to report', async () => {
  const { client, sent } = recording(appClient());
  const report = await provision(client, SITE);
  expect(report.drift).toEqual([]);
  // No list is created with its columns inside the same request.
  expect(sent.filter((w) => w.path.endsWith('/lists')).every((w) => w.body.columns === undefined)).toBe(true);
  const keyColumn = sent.findIndex((w) => w.method === 'POST' && w.body.name === 'Key');
  const created = sent[keyColumn];
  expect(created?.body).toMatchObject({ name: 'Key', indexed: true });
  expect(created?.body).not.toHaveProperty('enforceUniqueValues');
  expect(sent[keyColumn + 1]).toMatchObject({ method: 'PATCH', body: { enforceUniqueValues: true } });

  const again = await provision(appClient(), SITE);
  expect(again).toMatchObject({ changes: [], drift: [] });
});

test('a column the service dropped is reported as missing after provisioning; the next run creates it', async () => {
  const { client } = recording(appClient(), (w) => (isColumnCreate(w, 'DueDate') ? 'drop' : undefined));
  const report = await provision(client, SITE);
  expect(report.drift).toEqual(['Uppdrag.DueDate saknas efter etableringen', 'Åtgärder.DueDate saknas efter etableringen']);

  const fixed = await provision(appClient(), SITE);
  expect(fixed).toMatchObject({ changes: ['Skapade kolumnen Uppdrag.DueDate', 'Skapade kolumnen Åtgärder.DueDate'], drift: [] });
});

test('uniqueness the service did not apply is reported, and the next run sets it', async () => {
  const { client } = recording(appClient(), (w) => (w.method === 'PATCH' && w.body.enforceUniqueValues === true ? 'drop' : undefined));
  const report = await provision(client, SITE);
  const uniqueLists = LISTS.filter((list) => list.columns.some((c) => c.unique));
  expect(report.drift).toHaveLength(uniqueLists.length);
  for (const line of report.drift) expect(line).toMatch(/^\S+\.(Key|Code) kräver inte unika värden$/);

  const fixed = await provision(appClient(), SITE);
  expect(fixed.drift).toEqual([]);
  expect(fixed.changes).toHaveLength(uniqueLists.length);
});

test('a column created without the index it was sent with is reported', async () => {
  const { client } = recording(appClient(), (w) => (isColumnCreate(w, 'Period') ? { ...w.body, indexed: false } : undefined));
  const report = await provision(client, SITE);
  expect(report.drift).toEqual(['Planperioder.Period är inte indexerad', 'Uppföljningar.Period är inte indexerad']);
});
