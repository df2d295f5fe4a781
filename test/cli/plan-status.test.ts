// `malkoll plan adopt|archive`: a draft adopted and then archived, each step saying who and when,
// `malkoll plans` showing the status, and a step out of order refused with exit 1.
import { main } from '../../src/cli/main';
import { importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: process.cwd(), env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  h = await startHarness();
  await importPlan(await h.store(), { ...fixture('rs-2025.json'), status: 'draft' });
});

afterAll(async () => {
  await h.close();
});

test('adopt a draft, then archive it: who and when are said and stored', async () => {
  expect((await run('plans')).out).toMatch(/RS:2025 +Utkast/);

  const adopted = await run('plan', 'adopt', '--plan', 'RS:2025', '--av', 'elin.strom@region.example');
  expect(adopted).toMatchObject({ code: 0, err: '' });
  expect(adopted.out).toMatch(/^Planen RS:2025 är fastställd \d{4}-\d{2}-\d{2} \d{2}:\d{2} av elin\.strom@region\.example; den syns nu i Att göra/);
  expect((await run('plans')).out).toMatch(/RS:2025 +Fastställd/);
  const plan = await (await h.store()).loadPlan('RS:2025');
  expect(plan.plan).toMatchObject({ status: 'adopted', adoptedByUpn: 'elin.strom@region.example', adoptedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) });

  const archived = await run('plan', 'archive', '--plan', 'RS:2025');
  expect(archived.code).toBe(0);
  expect(archived.out).toContain('av kommandoraden; ingen påminns om dess åtgärder längre');
  expect((await run('plans')).out).toMatch(/RS:2025 +Arkiverad/);
  expect((await (await h.store()).loadPlan('RS:2025')).plan).toMatchObject({ status: 'archived', archivedByUpn: 'kommandoraden', adoptedByUpn: 'elin.strom@region.example' });

  const again = await run('plan', 'adopt', '--plan', 'RS:2025');
  expect(again).toMatchObject({ code: 1, out: '' });
  expect(again.err).toBe('Planen Regionstyrelsens verksamhetsplan med budget 2025 är arkiverad och kan inte fastställas igen. Inget ändrades.\n');
});
