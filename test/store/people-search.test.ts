// Owners are picked by name: the directory searched by the start of a name or address, as the
// signed-in person (delegated token), enabled accounts only, by name; a quote in the text cannot
// break out of the filter.
import { searchPeople } from '../../src/store';
import type { Harness } from './harness';
import { fixture, registerPeople, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, fixture('rs-2025.json'));
});
afterAll(() => h.close());

test('the start of a display name or an address finds the person, by name; too short a text asks nothing', async () => {
  const store = await h.store(h.client({ upn: 'elin.strom@region.example' }));
  expect((await searchPeople(store, 'Maria H')).map((p) => p.displayName)).toEqual(['Maria Holm']);
  expect((await searchPeople(store, 'maria.holm@')).map((p) => p.upn)).toEqual(['maria.holm@region.example']);
  expect(await searchPeople(store, 'M')).toEqual([]);
  expect(await searchPeople(store, "O'Brien")).toEqual([]);
});
