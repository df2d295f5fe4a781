// The add-in's write-back as it runs now: reads with the person's own (read-only) token, every
// save through the write API. A saved row, a conflict with the server's version, and a locked
// period refused, all as before; who saved is the token's person, whatever the pane claims.
import { columnLetters, readDataTable, writeReport } from '../../src/excel/office';
import { diffDataRows } from '../../src/excel/write-back';
import { sendChanges, valueTypes } from '../../src/addin/send-changes';
import { buildReport } from '../../src/report';
import { entryOf, openSession } from '../../src/store';
import { createFakeExcel } from '../excel/fake-excel';
import { SITE } from '../store/harness';
import type { ApiHarness } from './harness';
import { startApiHarness } from './harness';

const CONTROLLER = 'elin.strom@region.example';
const OWNER = 'johan.ekstrom@region.example';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

afterAll(async () => {
  await h.close();
});

async function paneSession(upn: string) {
  const graphToken = h.emulator.issueToken({ upn }).access_token;
  return openSession({
    graphUrl: h.emulator.graphUrl,
    siteRef: SITE,
    tokenSource: { getToken: () => Promise.resolve(graphToken) },
    who: { upn, displayName: upn },
    writeApi: { url: `${h.emulator.url}/api`, tokenSource: { getToken: () => Promise.resolve(h.apiToken(upn)) } },
  });
}

async function workbookOf(periodKey: string) {
  const session = await paneSession(CONTROLLER);
  const plan = await session.store.loadPlan('RS:2025');
  const report = buildReport(plan, plan.entries, periodKey);
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const data = report.sections.find((s) => s.kind === 'data');
  if (data?.kind !== 'data' || !data.tables[0]) throw new Error('no data section');
  const table = data.tables[0];
  const cell = (index: number, key: string) => `${columnLetters(table.columns.findIndex((c) => c.key === key))}${index + 2}`;
  const reported = table.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.writeBack.subjectKind === 'indicator' && row.writeBack.periodKey === periodKey && row.writeBack.entryItemId !== undefined);
  return { session, plan, excel, cell, reported };
}

test('the controller sends corrected values: one saved (as the token\'s person), one conflict with the owner\'s newer save', async () => {
  const { session, excel, cell, reported } = await workbookOf('2025-annual');
  const [a, b] = reported;
  if (!a || !b) throw new Error('fixture');
  excel.type('Data', cell(a.index, 'value'), [['77,5']]);
  excel.type('Data', cell(b.index, 'comment'), [['Rättad av controllern']]);
  // Meanwhile the owner saves row b in the tab.
  const owner = await paneSession(OWNER);
  const ownerPlan = await owner.store.loadPlan('RS:2025');
  const bEntry = entryOf(ownerPlan, 'indicator', b.row.writeBack.subjectRef, '2025-annual');
  expect((await owner.store.saveEntry(ownerPlan, { subjectKind: 'indicator', subjectRef: b.row.writeBack.subjectRef, periodKey: '2025-annual', edit: { comment: 'Ägarens kommentar' }, base: bEntry }, OWNER)).status).toBe('saved');

  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('snapshot missing');
  const fresh = await session.store.loadPlan('RS:2025');
  const diff = diffDataRows(read, read.snapshot, valueTypes(fresh));
  const outcomes = await sendChanges(session.store, fresh, diff.changes, { upn: 'someone.else@region.example' });
  expect(outcomes.map((o) => o.status)).toEqual(['saved', 'conflict']);
  const after = await session.store.loadPlan('RS:2025');
  expect(entryOf(after, 'indicator', a.row.writeBack.subjectRef, '2025-annual')).toMatchObject({ value: 77.5, reportedByUpn: CONTROLLER });
  expect(entryOf(after, 'indicator', b.row.writeBack.subjectRef, '2025-annual')?.comment).toBe('Ägarens kommentar');
});

test('a period the controller locked refuses the write-back, and nothing is written', async () => {
  const { session, plan, excel, cell, reported } = await workbookOf('2025-annual');
  const [a] = reported;
  if (!a) throw new Error('fixture');
  expect((await session.writeApi?.setPeriodLock(plan, '2025-annual', { locked: true, force: true }))?.status).toBe('saved');
  excel.type('Data', cell(a.index, 'comment'), [['Efter låsningen']]);
  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('snapshot missing');
  const locked = await session.store.loadPlan('RS:2025');
  const outcomes = await sendChanges(session.store, locked, diffDataRows(read, read.snapshot, valueTypes(locked)).changes, { upn: CONTROLLER });
  expect(outcomes).toEqual([expect.objectContaining({ status: 'refused', reason: expect.stringMatching(/^Perioden är låst/) })]);
  // Even a pane that still thinks the period open is refused by the API, on the plan as it is now.
  const stale = await sendChanges(session.store, plan, diffDataRows(read, read.snapshot, valueTypes(plan)).changes, { upn: CONTROLLER });
  expect(stale).toEqual([expect.objectContaining({ status: 'refused', reason: expect.stringMatching(/låst/) })]);
  expect(entryOf(await session.store.loadPlan('RS:2025'), 'indicator', a.row.writeBack.subjectRef, '2025-annual')?.comment).not.toBe('Efter låsningen');
});
