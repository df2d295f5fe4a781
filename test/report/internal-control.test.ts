import { plainSpaces } from '../../src/core';
import { report2025, section } from './helpers';

describe('Internkontrollplan on the 2025 fixture', () => {
  const ic = section(report2025(), 'internal-control');
  const [t] = ic.tables;

  it('has area, risk, action, status and comment', () => {
    expect(t.id).toBe('Internkontrollplan');
    expect(t.columns.map((c) => c.header)).toEqual(['Område', 'Risk', 'Riskvärde', 'Åtgärd', 'Slutdatum', 'Status', 'Kommentar']);
  });

  it('groups by area with a heading row and one row per action (22 actions in the fixture)', () => {
    expect(t.rows[0]).toEqual({ style: 'header', cells: { area: { value: 'HR', text: 'HR' } } });
    expect(t.rows.filter((r) => r.subject?.kind === 'action')).toHaveLength(22);
    const first = t.rows[1];
    expect(plainSpaces(first?.cells.risk?.text ?? '')).toBe('Regionövergripande: Risk att systematiskt arbetsmiljöarbete (SAM) inte är välfungerande i vardagen.');
    expect(first?.cells.action?.text).toMatch(/^Regionövergripande åtgärd: Varje chef ska hantera/);
    expect(first?.cells.status).toMatchObject({ value: 'done', text: '✓ Avslutad', status: { colour: '#2E7D32' } });
    expect(first?.cells.comment?.text).toMatch(/^Region Örebro läns alla chefers sammanlagda svar/);
    expect(t.rows[2]?.cells.status?.text).toBe('✓! Avslutad med avvikelse');
  });

  it('covers every area of the plan', () => {
    const headers = t.rows.filter((r) => r.style === 'header').map((r) => r.cells.area?.text);
    expect(headers[0]).toBe('HR');
    expect(new Set(headers).size).toBe(headers.length);
  });
});
