/** @jest-environment jsdom */
// Redigera plan as a controller and as staff meet it: staff get no edit controls at all; the one
// validator's Swedish message appears at its field as the controller types, and nothing is sent;
// the API's refusals land at the same fields; a conflict shows both versions and keeps what was
// typed; removing a reported styrtal asks the API's question and says "Arkiverad" afterwards.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { LoadedPlan } from '../../src/store';
import { PlanEditorView } from '../../src/tab/plan-editor/plan-editor-view';
import { SV } from '../../src/ui';
import { CONTROLLER, STAFF, people, plan, search, stubWrites } from './plan-editor-fixture';

function show(upn: string, writes = stubWrites(), shown: LoadedPlan = plan, onChanged = jest.fn(() => Promise.resolve())) {
  const view = render(
    createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PlanEditorView, { plan: shown, upn, writes, search, people, strings: SV, language: 'sv', onChanged })),
  );
  return { ...view, writes, onChanged };
}

/** The message a field shows, read as a screen reader would: through the control's aria-describedby. */
function describedBy(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

test('staff get no edit controls: nothing of the editor renders, however they got there', () => {
  const { container } = show(STAFF);
  expect(container.querySelectorAll('button, input, select, textarea')).toHaveLength(0);
  expect(container.textContent).toBe('');
});

test('a controller gets the plan with its status and every edit control, owners by name', async () => {
  show(CONTROLLER);
  expect(screen.getByRole('heading', { name: 'Redigera plan: Regionstyrelsen 2026' })).toBeTruthy();
  expect(within(screen.getByTestId('plan-status')).getByText('Utkast')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Fastställ planen' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Lägg till mål' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Lägg till styrtal: Målsättning 1: God vård' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Flytta ned: Målsättning 1: God vård' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Ta bort: Väntetid till besök' })).toBeTruthy();
  expect(screen.getByText(/Målvärde: 30\sdagar/)).toBeTruthy();
  expect(await screen.findByText(/Ansvarig: Johan Ekström/)).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/@region\.example/);
  // The risk value and the 4 × 4 matrix, 3 × 4 in its cell.
  expect(screen.getByText(/Riskvärde 3 × 4 = 12/)).toBeTruthy();
  const matrix = screen.getByTestId('risk-matrix');
  expect(matrix.querySelectorAll('tbody tr')).toHaveLength(4);
  expect(matrix.querySelector('[data-cell="3x4"]')?.textContent).toBe('Riskvärde 1212Risk 1');
  expect(matrix.querySelector('[data-cell="4x4"]')?.textContent).toBe('Riskvärde 1616');
});

test('the validator speaks at the field as the controller types, and nothing is sent until it is satisfied', async () => {
  const user = userEvent.setup();
  const { writes } = show(CONTROLLER);
  await user.click(screen.getByRole('button', { name: 'Lägg till styrtal: Målsättning 2: Stark ekonomi' }));
  expect(screen.getByRole('heading', { name: 'Nytt styrtal' })).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByLabelText('Titel'));
  await user.type(screen.getByLabelText('Titel'), 'Resultat före extraordinära poster');
  await user.selectOptions(screen.getByLabelText('Typ av målvärde'), 'range');
  await user.type(screen.getByLabelText('Från'), '80');
  await user.type(screen.getByLabelText('Till'), '77');
  // The core's rule for a range, at the upper bound's field, as typed.
  expect(describedBy(screen.getByLabelText('Till'))).toContain('targetMax är mindre än target; den övre gränsen ska vara störst');
  await user.clear(screen.getByLabelText('Till'));
  await user.type(screen.getByLabelText('Till'), '7,7,7');
  expect(describedBy(screen.getByLabelText('Till'))).toContain('har mer än ett decimalkomma');
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  expect(writes.createPlanItem).not.toHaveBeenCalled();
  expect(screen.getByText('Inget sparades. Rätta det markerade och spara igen.')).toBeTruthy();
  // Focus goes to the field with the message.
  expect(document.activeElement).toBe(screen.getByLabelText('Till'));
});

test('a valid styrtal with a range target and an owner picked by name is sent as the plan format item, under its goal', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.createPlanItem.mockResolvedValue({ status: 'saved', saved: { itemId: '21', eTag: '"n1"', ref: 'g2-i1', goalRef: 'g2', title: 'Andel i tid', valueType: 'numeric', direction: 'increase', targetKind: 'range', target: 77, targetMax: 80, unit: '%' } });
  const { onChanged } = show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Lägg till styrtal: Målsättning 2: Stark ekonomi' }));
  await user.type(screen.getByLabelText('Titel'), 'Andel i tid');
  await user.type(screen.getByLabelText('Enhet'), '%');
  await user.selectOptions(screen.getByLabelText('Typ av målvärde'), 'range');
  await user.type(screen.getByLabelText('Från'), '77');
  await user.type(screen.getByLabelText('Till'), '80');
  expect(screen.getByTestId('target-preview').textContent?.replace(/\s/g, ' ')).toBe('Visas som: 77–80 %');
  await user.type(screen.getByLabelText('Sök ansvarig'), 'Mar');
  const picker = screen.getByLabelText('Ansvarig');
  await waitFor(() => expect(within(picker).getByRole('option', { name: 'Maria Holm' })).toBeTruthy());
  await user.selectOptions(picker, within(picker).getByRole('option', { name: 'Maria Holm' }));
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(writes.createPlanItem).toHaveBeenCalledWith(plan, {
    kind: 'indicator',
    parent: { kind: 'goal', ref: 'g2' },
    draft: { title: 'Andel i tid', ownerUpn: 'maria.holm@region.example', valueType: 'numeric', unit: '%', direction: 'increase', targetKind: 'range', target: 77, targetMax: 80 },
  });
  expect(await screen.findByText('Sparat: Andel i tid.')).toBeTruthy();
});

test('the API’s refusal lands at the same field as the validator’s messages', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.updatePlanItem.mockResolvedValue({ status: 'refused', issues: [{ field: 'title', message: 'titeln finns redan i planen' }] });
  show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Ändra: Väntetid till besök' }));
  await user.type(screen.getByLabelText('Titel'), ' (dagar)');
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  await waitFor(() => expect(describedBy(screen.getByLabelText('Titel'))).toContain('titeln finns redan i planen'));
  expect(writes.updatePlanItem).toHaveBeenCalledWith(plan, expect.objectContaining({ kind: 'indicator', ref: 'g1-i1', eTag: '"i1-1"', parent: { kind: 'goal', ref: 'g1' } }));
  expect((screen.getByLabelText('Titel') as HTMLTextAreaElement).value).toBe('Väntetid till besök (dagar)');
});

test('a conflict shows the saved version beside mine, keeps what I typed, and saving mine carries the newer eTag', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  const server = { ...plan.indicators[0], eTag: '"i1-2"', title: 'Väntetid till första besök', ownerUpn: 'anna.berg@region.example' };
  writes.updatePlanItem.mockResolvedValueOnce({ status: 'conflict', server, mine: {}, editedBy: { upn: 'olof.berg@region.example', at: '2026-12-01T09:30:00Z', name: 'Olof Berg' } }).mockResolvedValueOnce({ status: 'saved', saved: { ...server, eTag: '"i1-3"', title: 'Väntetid, dagar' } });
  const { onChanged } = show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Ändra: Väntetid till besök' }));
  await user.clear(screen.getByLabelText('Titel'));
  await user.type(screen.getByLabelText('Titel'), 'Väntetid, dagar');
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  expect(await screen.findByText('Någon annan har ändrat under tiden')).toBeTruthy();
  expect(screen.getByTestId('plan-conflict-theirs').textContent).toContain('Titel: Väntetid till första besök');
  // Who saved it and when, by name, as an entry's conflict says it.
  expect(screen.getByTestId('plan-conflict-by').textContent).toMatch(/^Sparad av Olof Berg 2026-12-01/);
  await waitFor(() => expect(screen.getByTestId('plan-conflict-theirs').textContent).toContain('Ansvarig: Anna Berg'));
  expect(screen.getByTestId('plan-conflict-mine').textContent).toContain('Titel: Väntetid, dagar');
  expect((screen.getByLabelText('Titel') as HTMLTextAreaElement).value).toBe('Väntetid, dagar');
  expect(screen.getByRole('button', { name: 'Spara' }).hasAttribute('disabled')).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Spara min version' }));
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(writes.updatePlanItem).toHaveBeenLastCalledWith(plan, expect.objectContaining({ ref: 'g1-i1', eTag: '"i1-2"', draft: expect.objectContaining({ title: 'Väntetid, dagar' }) }));
});

test('"Använd sparad version" puts the saved version in the form', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.updatePlanItem.mockResolvedValue({ status: 'conflict', server: { ...plan.goals[0], eTag: '"g1-2"', title: 'God och nära vård' }, mine: {} });
  show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Ändra: Målsättning 1: God vård' }));
  await user.type(screen.getByLabelText('Titel'), ' för alla');
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  await user.click(await screen.findByRole('button', { name: 'Använd sparad version' }));
  expect((screen.getByLabelText('Titel') as HTMLTextAreaElement).value).toBe('God och nära vård');
  expect(screen.queryByText('Någon annan har ändrat under tiden')).toBeNull();
});

test('removing a reported styrtal shows the API’s question, sends again confirmed, and says it is arkiverad', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  const question = 'Det finns rapporterat för styrtalet "Väntetid till besök" (Helår 2025). Styrtalet arkiveras i stället för att tas bort, så att tidigare perioders rapporter fortfarande visar det. Bekräfta för att arkivera.';
  writes.removePlanItem
    .mockResolvedValueOnce({ status: 'needs-confirmation', message: question, reportedPeriods: ['2025-annual'], items: [] })
    .mockResolvedValueOnce({ status: 'removed', deleted: [], archived: [{ kind: 'indicator', ref: 'g1-i1', title: 'Väntetid till besök' }] });
  const { onChanged } = show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Ta bort: Väntetid till besök' }));
  expect(await screen.findByText(question)).toBeTruthy();
  expect(writes.removePlanItem).toHaveBeenCalledWith(plan, { kind: 'indicator', ref: 'g1-i1', eTag: '"i1-1"', confirmed: false });
  const archive = screen.getByRole('button', { name: 'Arkivera' });
  expect(document.activeElement).toBe(archive);
  await user.click(archive);
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(writes.removePlanItem).toHaveBeenLastCalledWith(plan, { kind: 'indicator', ref: 'g1-i1', eTag: '"i1-1"', confirmed: true });
  expect(await screen.findByText(/^Arkiverad: Väntetid till besök\./)).toBeTruthy();
});

test('removing a thing never reported on asks first, and Avbryt sends nothing', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.removePlanItem.mockResolvedValue({ status: 'removed', deleted: [{ kind: 'action', ref: 'r1-a1', title: 'Stickprov av fakturor' }], archived: [] });
  show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Ta bort: Stickprov av fakturor' }));
  expect(screen.getByTestId('removal-question').textContent).toContain('Ta bort Stickprov av fakturor? Det går inte att ångra.');
  await user.click(screen.getByRole('button', { name: 'Avbryt' }));
  expect(writes.removePlanItem).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ta bort: Stickprov av fakturor' }));
  await user.click(screen.getByRole('button', { name: 'Ta bort: Stickprov av fakturor' }));
  await user.click(screen.getByRole('button', { name: 'Ta bort' }));
  expect(await screen.findByText('Borttaget: Stickprov av fakturor.')).toBeTruthy();
  expect(writes.removePlanItem).toHaveBeenCalledWith(plan, { kind: 'action', ref: 'r1-a1', eTag: '"a1-1"', confirmed: false });
});

test('"Flytta ned" sends the new order with the eTags of the versions shown', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.reorderPlanItems.mockResolvedValue({ status: 'saved', saved: [] });
  show(CONTROLLER, writes);
  expect(screen.getByRole('button', { name: 'Flytta upp: Målsättning 1: God vård' }).getAttribute('aria-disabled')).toBe('true');
  await user.click(screen.getByRole('button', { name: 'Flytta ned: Målsättning 1: God vård' }));
  await waitFor(() => expect(writes.reorderPlanItems).toHaveBeenCalledWith(plan, { kind: 'goal', refs: ['g2', 'g1'], eTags: { g1: '"g1-1"', g2: '"g2-1"' } }));
  expect(await screen.findByText('Flyttad: God vård.')).toBeTruthy();
});

test('"Fastställ planen" asks first, then adopts with the plan’s eTag; an adopted plan says who adopted it when, by name', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.changePlanStatus.mockResolvedValue({ status: 'saved', saved: { ...plan.plan, status: 'adopted' } });
  const { onChanged } = show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Fastställ planen' }));
  expect(screen.getByText(/När planen är fastställd rapporterar de ansvariga på den i Att göra/)).toBeTruthy();
  expect(writes.changePlanStatus).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Ja, fastställ' }));
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(writes.changePlanStatus).toHaveBeenCalledWith(plan, 'adopt', '"plan-1"');
  expect(await screen.findByText('Planen är fastställd.')).toBeTruthy();

  const adopted = { ...plan, plan: { ...plan.plan, status: 'adopted', adoptedByUpn: CONTROLLER, adoptedAt: '2026-01-15T09:30:00Z' } } as LoadedPlan;
  await act(async () => {
    show(CONTROLLER, stubWrites(), adopted);
    await Promise.resolve();
  });
  const status = screen.getAllByTestId('plan-status')[1];
  if (!status) throw new Error('no status');
  await waitFor(() => expect(status.textContent).toMatch(/Fastställd av Elin Ström 2026-01-15/));
  expect(within(status).getByRole('button', { name: 'Arkivera planen' })).toBeTruthy();
});

test('a new risk shows its riskvärde as sannolikhet and konsekvens are chosen, and sends them as grades 1–4 in its area', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  writes.createPlanItem.mockResolvedValue({ status: 'saved', saved: { itemId: '31', eTag: '"r2-1"', ref: 'r2', area: 'Ekonomi', title: 'Dubbla utbetalningar', probability: 2, consequence: 4 } });
  show(CONTROLLER, writes);
  await user.click(screen.getByRole('button', { name: 'Lägg till risk' }));
  expect(screen.getByTestId('risk-value').textContent).toBe('Ange sannolikhet och konsekvens för riskvärdet.');
  await user.type(screen.getByLabelText('Titel'), 'Dubbla utbetalningar');
  await user.selectOptions(screen.getByLabelText('Sannolikhet'), '2');
  await user.selectOptions(screen.getByLabelText('Konsekvens'), '4');
  expect(screen.getByTestId('risk-value').textContent).toBe('Riskvärde: 2 × 4 = 8');
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  await waitFor(() => expect(writes.createPlanItem).toHaveBeenCalled());
  expect(writes.createPlanItem).toHaveBeenCalledWith(plan, { kind: 'risk', draft: { title: 'Dubbla utbetalningar', area: 'Ekonomi', regionWide: false, probability: 2, consequence: 4 } });
});

test('"Kopiera till" next year asks first, then says what went along; a draft offers no copy', async () => {
  const user = userEvent.setup();
  const writes = stubWrites();
  const adopted = { ...plan, plan: { ...plan.plan, status: 'adopted' } } as LoadedPlan;
  const next = adopted.plan.year + 1;
  writes.copyPlan.mockResolvedValue({ status: 'copied', report: { from: 'x', to: 'y', copiedByUpn: CONTROLLER, carried: { goals: 2, indicators: 3, risks: 1, assignments: [{}], actions: [] }, left: [{}, {}], followUpsLeft: 4, imported: {} } });
  show(CONTROLLER, writes, adopted);
  await user.click(screen.getByRole('button', { name: `Kopiera till ${next}` }));
  expect(writes.copyPlan).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Ja, kopiera' }));
  expect(writes.copyPlan).toHaveBeenCalledWith(adopted, next);
  expect(await screen.findByText(/2 mål, 3 styrtal, 1 uppdrag och 0 åtgärder följde med; 2 stannade kvar/)).toBeTruthy();
});

test('a draft plan has no "Kopiera till"', () => {
  show(CONTROLLER, stubWrites(), { ...plan, plan: { ...plan.plan, status: 'draft' } } as LoadedPlan);
  expect(screen.queryByTestId('plan-copy')).toBeNull();
});
