// SharePoint compares list text without regard to case (real-tenant-findings F15, C4; unique values
// clash ignoring case: pnp/pnpjs#2649): `eq`, `ne` and `startswith` on text and choice columns fold
// case; ordering and ranges stay as stored.
import type { Emulator, GraphCaller } from './harness';
import { createItem, createListItemsPath, expectErrorEnvelope, graphClient, q, signInAnna, siteId, startTestEmulator, str, values } from './harness';

let emu: Emulator;
let g: GraphCaller;
let items: string;

beforeAll(async () => {
  emu = await startTestEmulator({ defaultPageSize: 50 });
  g = graphClient(emu, { token: await signInAnna(emu) });
  items = await createListItemsPath(g, await siteId(g), {
    displayName: 'Organisationer',
    columns: [
      { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Kind', choice: { choices: ['Nämnd', 'Styrelse'] }, indexed: true },
    ],
  });
  for (const [Title, Code, Kind] of [
    ['Regionstyrelsen', 'RS', 'Styrelse'],
    ['Hälso- och sjukvårdsnämnden', 'HSN', 'Nämnd'],
    ['Ärendenämnden', 'ÄN', 'Nämnd'],
  ]) {
    await createItem(g, items, { Title, Code, Kind });
  }
});

afterAll(async () => {
  await emu.close();
});

async function codes(filter: string): Promise<string[]> {
  const r = await g.get(`${items}?$expand=fields&$filter=${q(filter)}`);
  return values(r.body)
    .map((item) => str((item['fields'] as Record<string, unknown>)['Code']))
    .sort();
}

test.each<[string, string[]]>([
  ["fields/Code eq 'rs'", ['RS']],
  ["fields/Code eq 'Rs'", ['RS']],
  ["fields/Code eq 'än'", ['ÄN']],
  ["fields/Code ne 'hsn'", ['RS', 'ÄN']],
  ["startswith(fields/Code,'h')", ['HSN']],
  ["startswith(fields/Code,'ä')", ['ÄN']],
  ["fields/Kind eq 'nämnd'", ['HSN', 'ÄN']],
  // accents still count: a is not ä
  ["fields/Code eq 'an'", []],
])('%j finds %j', async (filter, expected) => {
  expect(await codes(filter)).toEqual(expected);
});

test('a value differing only in case clashes with the unique one', async () => {
  const r = await g.post(items, { fields: { Title: 'Dubblett', Code: 'rs' } });
  expect(expectErrorEnvelope(r, 409)['code']).toBe('nameAlreadyExists');
});
