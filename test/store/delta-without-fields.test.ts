// Delta refresh when the deltaLink does not carry `$expand=fields` (undocumented for list items;
// real-tenant-findings F14): changed items come without their fields, and are read again in a batch.
import { entryOf, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, registerPeople, startHarness } from './harness';

async function seeded(deltaLinksKeepExpand: boolean): Promise<Harness> {
  const h = await startHarness({ defaultPageSize: 50, deltaLinksKeepExpand });
  for (const name of ['rs-2025.json', 'rs-2024.json']) {
    const doc = fixture(name);
    registerPeople(h.emulator, doc);
    await importPlan(await h.store(), doc);
  }
  return h;
}

/** Someone else comments on this plan's first indicator and on one of last year's plan. */
async function othersEdit(h: Harness): Promise<{ ref: string }> {
  const other = await h.store();
  const plan = await other.loadPlan('RS:2025');
  const indicator = plan.indicators[0];
  const base = indicator ? entryOf(plan, 'indicator', indicator.ref, '2025-annual') : undefined;
  if (!indicator || !base) throw new Error('fixture entry missing');
  await other.saveEntry(plan, { subjectKind: 'indicator', subjectRef: indicator.ref, periodKey: '2025-annual', edit: { comment: 'Ändrad av någon annan' }, base }, 'other@region.example');
  const last = await other.loadPlan('RS:2024');
  const lastIndicator = last.indicators[0];
  if (!lastIndicator) throw new Error('no indicator in 2024');
  await other.saveEntry(last, { subjectKind: 'indicator', subjectRef: lastIndicator.ref, periodKey: '2024-annual', edit: { comment: 'Annan plan' } }, 'other@region.example');
  return { ref: indicator.ref };
}

test('changed items that arrive without fields are read again in one batch, and only this plan keeps them', async () => {
  const h = await seeded(false);
  try {
    const requests: string[] = [];
    const mine = await h.store(h.client({ onRequest: (e) => requests.push(`${e.method} ${e.url}`) }));
    const plan = await mine.loadPlan('RS:2025');
    const tracker = await mine.track();
    const { ref } = await othersEdit(h);

    requests.length = 0;
    const result = await mine.refresh(plan, tracker);
    if (result.status !== 'refreshed') throw new Error('expected a refresh');
    expect(result.changed).toBe(1);
    expect(entryOf(result.plan, 'indicator', ref, '2025-annual')?.comment).toBe('Ändrad av någon annan');
    expect(result.plan.entries).toHaveLength(plan.entries.length);
    expect(requests.filter((r) => r.includes('/$batch'))).toHaveLength(1);
  } finally {
    await h.close();
  }
});

test('when the links keep $expand=fields nothing is read again', async () => {
  const h = await seeded(true);
  try {
    const requests: string[] = [];
    const mine = await h.store(h.client({ onRequest: (e) => requests.push(`${e.method} ${e.url}`) }));
    const plan = await mine.loadPlan('RS:2025');
    const tracker = await mine.track();
    const { ref } = await othersEdit(h);

    requests.length = 0;
    const result = await mine.refresh(plan, tracker);
    if (result.status !== 'refreshed') throw new Error('expected a refresh');
    expect(entryOf(result.plan, 'indicator', ref, '2025-annual')?.comment).toBe('Ändrad av någon annan');
    expect(requests.filter((r) => r.includes('/$batch'))).toHaveLength(0);
  } finally {
    await h.close();
  }
});
