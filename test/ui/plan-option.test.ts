/** @jest-environment jsdom */
// The plan pickers of the tab and the add-in mark a draft "Utkast", so no one takes it for the
// adopted plan; adopted and archived plans read as before.
import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import type { Plan } from '../../src/core';
import { PlanPicker, planOptionLabel } from '../../src/ui';

const plans: Plan[] = [
  { organisationCode: 'RS', year: 2026, title: 'Regionstyrelsens verksamhetsplan med budget 2026', status: 'draft' },
  { organisationCode: 'RS', year: 2025, title: 'Regionstyrelsens verksamhetsplan med budget 2025', status: 'adopted' },
  { organisationCode: 'RS', year: 2022, title: 'Regionstyrelsens verksamhetsplan med budget 2022', status: 'archived' },
];

test('a draft reads "Utkast" after its year and title; in English "Draft"', () => {
  expect(planOptionLabel(plans[0] as Plan)).toBe('2026 · Regionstyrelsens verksamhetsplan med budget · Utkast');
  expect(planOptionLabel(plans[0] as Plan, 'en')).toBe('2026 · Regionstyrelsens verksamhetsplan med budget · Draft');
  expect(planOptionLabel(plans[1] as Plan)).toBe('2025 · Regionstyrelsens verksamhetsplan med budget');
});

test('the plan picker lists the draft marked, the others as they are', () => {
  render(createElement(PlanPicker, { label: 'Plan', plans, value: 'RS:2025', onChange: () => undefined }));
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
    '2026 · Regionstyrelsens verksamhetsplan med budget · Utkast',
    '2025 · Regionstyrelsens verksamhetsplan med budget',
    '2022 · Regionstyrelsens verksamhetsplan med budget',
  ]);
});
