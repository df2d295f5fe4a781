// People the job cannot notify are reported, never skipped silently; the organisation's manager
// stands in when Entra ID has none.
import { runNotify } from '../../../src/jobs/notify';
import type { NotifyHarness } from './notify-harness';
import { SETTINGS, reopened2025, startNotifyHarness } from './notify-harness';

let n: NotifyHarness;

beforeAll(async () => {
  n = await startNotifyHarness(
    reopened2025({
      // Karin heads the organisation and has no manager; the organisation's manager is Karin herself.
      'r19-a1': 'karin.lindqvist@region.example',
      // Nobody by this name in Entra ID.
      'r15-a1': 'okand.person@region.example',
      // In Entra ID, but without a manager.
      'r13-a1': 'ny.medarbetare@region.example',
    }),
  );
  n.h.emulator.registerUsers({ upn: 'ny.medarbetare@region.example', displayName: 'Ny Medarbetare' });
});

afterAll(async () => {
  await n.close();
});

test('an owner without an account, and a top manager without a manager, are reported', async () => {
  const result = await runNotify(n.store, { asOf: '2026-01-09', settings: SETTINGS });
  const actions = await n.actions('2026-01-09');

  expect(result.unresolved).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ role: 'owner', ownerUpn: 'okand.person@region.example', problem: expect.stringContaining('finns inte') as unknown as string }),
      expect.objectContaining({ role: 'manager', ownerUpn: 'karin.lindqvist@region.example', problem: expect.stringContaining('den ansvariga själv') as unknown as string }),
    ]),
  );
  expect(result.unresolved).toHaveLength(2);
  expect(result.unresolved.flatMap((u) => u.actions.map((a) => a.itemId)).sort()).toEqual([actions.get('r15-a1')?.itemId, actions.get('r19-a1')?.itemId].sort());

  // Karin: her own action as owner, and as the organisation's manager those of the unknown person
  // and of the one without a manager in Entra ID.
  const karin = result.notifications.find((x) => x.recipient.upn === 'karin.lindqvist@region.example');
  const roleOf = (ref: string) => karin?.actions.find((a) => a.itemId === actions.get(ref)?.itemId)?.role;
  expect([roleOf('r19-a1'), roleOf('r15-a1'), roleOf('r13-a1')]).toEqual(['owner', 'manager', 'manager']);
  expect(result.notifications.map((x) => x.recipient.upn)).toContain('ny.medarbetare@region.example');
  expect(result.notifications.map((x) => x.recipient.upn)).not.toContain('okand.person@region.example');
  expect(result.notifications.every((x) => x.status === 'sent')).toBe(true);

  // Karin's action records the owner told, the manager still owed: the next run reports it again.
  expect(actions.get('r19-a1')).toMatchObject({ notifiedLevel: 1, notifiedOn: '2026-01-09' });
  const again = await runNotify(n.store, { asOf: '2026-01-09', settings: SETTINGS });
  expect(again.notifications).toEqual([]);
  expect(again.unresolved.map((u) => u.ownerUpn)).toEqual(['karin.lindqvist@region.example']);
});
