import { planEditRight, reportingRight } from '../../src/core';

const context = { controllers: ['Elin.Strom@region.example'], delegatesOf: (owner: string) => (owner === 'johan@region.example' ? ['maria@region.example'] : []) };
const thing = { title: 'Styrtal 1', ownerUpn: 'johan@region.example', ownerName: 'Johan Ekström' };

test('the owner, a delegate of the owner and a controller report; UPNs compare without case', () => {
  expect(reportingRight('JOHAN@region.example', thing, context)).toEqual({ ok: true, role: 'owner' });
  expect(reportingRight('maria@region.example', thing, context)).toEqual({ ok: true, role: 'delegate' });
  expect(reportingRight('elin.strom@region.example', thing, context)).toEqual({ ok: true, role: 'controller' });
});

test('anyone else is refused, with the owner named and who may report', () => {
  const refused = reportingRight('per@region.example', thing, context);
  expect(refused).toEqual({ ok: false, message: 'Du kan inte rapportera för Styrtal 1: den ägs av Johan Ekström. Bara ägaren, ett ombud som ägaren har utsett eller planens controller kan rapportera.' });
  expect(reportingRight('per@region.example', { title: 'Mål 2' }, context)).toMatchObject({ ok: false, message: expect.stringContaining('den har ingen ägare') });
});

test('only controllers edit the plan; a plan without controllers says so', () => {
  expect(planEditRight('elin.strom@region.example', { title: 'RS 2025' }, context)).toEqual({ ok: true, role: 'controller' });
  expect(planEditRight('johan@region.example', { title: 'RS 2025' }, context)).toEqual({ ok: false, message: 'Bara planens controller kan ändra RS 2025.' });
  expect(planEditRight('johan@region.example', { title: 'RS 2025' }, { controllers: [] })).toMatchObject({ ok: false, message: expect.stringContaining('ingen controller') });
});
