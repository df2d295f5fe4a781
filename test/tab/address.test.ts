// The tab's state in its address: what a reload, Back and a shared link read.
import { readAddress, searchFor } from '../../src/tab/data/address';

test('plan, period, view and the open item go into the address, other parameters stay', () => {
  const search = searchFor({ planKey: 'RS:2025', periodKey: '2025-interim', view: 'plan', editing: { kind: 'indicator', ref: 'g1-i2' } }, '?as=johan%40region.example&theme=dark&subPageId=x');
  const params = new URLSearchParams(search);
  expect(Object.fromEntries(params)).toEqual({ as: 'johan@region.example', theme: 'dark', plan: 'RS:2025', period: '2025-interim', view: 'plan', item: 'indicator:g1-i2' });
  expect(readAddress(search)).toEqual({ planKey: 'RS:2025', periodKey: '2025-interim', view: 'plan', editing: { kind: 'indicator', ref: 'g1-i2' } });
});

test('closing the editor drops the item; unknown views and kinds are ignored', () => {
  expect(new URLSearchParams(searchFor({ planKey: 'RS:2025', view: 'todo' }, '?item=goal:g1')).get('item')).toBeNull();
  expect(readAddress('?view=admin&item=secret:x')).toEqual({});
});
