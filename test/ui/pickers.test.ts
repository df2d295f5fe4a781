// A plan's label keeps its year in view when a narrow pane cuts the title.
import { yearFirst } from '../../src/ui';

test('the year comes first, once', () => {
  expect(yearFirst({ title: 'Regionstyrelsens verksamhetsplan med budget 2025', year: 2025 })).toBe('2025 · Regionstyrelsens verksamhetsplan med budget');
  expect(yearFirst({ title: 'Verksamhetsplan 2022 för hälso- och sjukvårdsnämnden', year: 2022 })).toBe('2022 · Verksamhetsplan för hälso- och sjukvårdsnämnden');
  expect(yearFirst({ title: 'Testnämndens plan', year: 2026 })).toBe('2026 · Testnämndens plan');
});
