import { plainSpaces } from '../../src/core';
import { buildReport } from '../../src/report';
import { fixtureModel, report2025, rowText, section, table } from './helpers';

describe('a goal section on the 2025 fixture', () => {
  const report = report2025();
  const goal1 = section(report, 'goal', 'mal-g1');
  const styrtal = table(goal1, 'Styrtal_g1');
  const seedColumns = ['indicator', 'outcome', 'target', 'longTermTarget'];
  const items = styrtal.rows.filter((r) => r.style === 'item');

  it('is headed and assessed as the report does', () => {
    expect(goal1.title).toBe('Målsättning nr 1: Hälso- och sjukvården är god, säker och jämlik.');
    expect(goal1.sheetName).toBe('Målsättning 1');
    expect(goal1.assessment).toMatchObject({ code: 'partly', symbol: '◆', colour: '#F9A825' });
    expect(goal1.paragraphs.map((p) => p.style)).toEqual(['heading', 'text', 'assessment']);
    expect(goal1.paragraphs[1]?.text).toMatch(/^De tre uppdragen bedöms vara genomförda under 2025\./);
  });

  it('has the styrtal columns of the seed plus status and trend', () => {
    expect(styrtal.columns.map((c) => c.header)).toEqual(['Styrtal, målsättning nr 1', 'Utfall', 'Årets målvärde', 'Långsiktigt målvärde', 'Status', 'Trend']);
    expect(styrtal.title).toBe('Styrtal, målsättning nr 1');
  });

  it('prints the styrtal rows as the seed (targetText verbatim, else number and unit)', () => {
    expect(items.map((r) => rowText(styrtal, r, seedColumns))).toEqual([
      '3 c. Telefontillgängligheten i primärvård (inom 0 dagar). | 78 % | 90 % | 95 %',
      'Medicinsk bedömning primärvård inom 3 dagar. | 74 % | 90 % | 95 %',
      'Förtroende för hälso/vårdcentraler i sin region. (Hälso- och sjukvårdsbarometern) | 56 % | 63 % (riket + 1 %) | 68 % (riket + 5%)',
      'Inom min region är väntetiderna för besök på vårdcentral rimliga. (Hälso- och sjukvårdsbarometern) | 61 % | 64 % (riket + 1 %) | 69 % (riket + 5%)',
      'Andel patienter med fast namngiven läkarkontakt (Långsiktigt målvärde 55 % enligt Socialstyrelsen, mätpunkt april/december). | 52 % | 50 % | 55 %',
      'Helhetsintryck, läkarbesök, vuxen. (Nationell patientenkät, primärvården) | 76 % | 81,1 (riket + 1 %) | 85 % (riket + 5%)',
    ]);
  });

  it('formats with no-break spaces and keeps typed values', () => {
    const row = items[1];
    expect(row?.cells.outcome).toEqual({ value: 74, text: '74\u00A0%', numberFormat: '#,##0"\u00A0%"' });
    expect(items[2]?.cells.target).toMatchObject({ value: 63, text: '63 % (riket + 1 %)', numberFormat: '#,##0" % (riket + 1 %)"' });
  });

  it('puts each comment under its row', () => {
    const styles = styrtal.rows.map((r) => r.style);
    expect(styles).toEqual(['item', 'comment', 'item', 'comment', 'item', 'comment', 'item', 'comment', 'item', 'comment', 'item', 'comment']);
    expect(styrtal.rows[3]?.cells.indicator?.text).toBe('Utfallet avser januari till juni 2024 vilket är det senaste kända värdet.');
    expect(styrtal.rows[3]?.subject).toEqual({ kind: 'indicator', ref: 'g1-i2' });
  });

  it('shows the status someone assessed, and marks the rule\'s suggestion as one where nobody did', () => {
    // 74 against 90 is short by more than 10 % of the target; nobody assessed it.
    expect(items[1]?.cells.status?.status).toMatchObject({ code: 'not-achieved', symbol: '■', colour: '#C62828', suggested: true });
    expect(items[1]?.cells.status?.text).toBe('■ förslag');
    // Nobody assessed a styrtal in the fixture: every status is a suggestion, and reads as one.
    for (const r of items) expect(r.cells.status?.text).toMatch(/^[●◆■—] förslag$/);
    // Once someone assesses g1-i2 "delvis", that is what shows, whatever the rule would say.
    const { contents, entries } = fixtureModel();
    const assessed = entries.map((e) => (e.subjectRef === 'g1-i2' && e.periodKey === '2025-annual' ? { ...e, assessment: 'partly' as const } : e));
    const row = table(section(buildReport(contents, assessed, '2025-annual'), 'goal', 'mal-g1'), 'Styrtal_g1').rows.find((r) => r.style === 'item' && r.subject?.ref === 'g1-i2');
    expect(row?.cells.status).toMatchObject({ text: '◆', status: { code: 'partly', colour: '#F9A825' } });
    expect(row?.cells.status?.status?.suggested).toBeUndefined();
    // No 2024 entries in the fixture: no trend to suggest.
    expect(items[1]?.cells.trend?.text).toBe('');
  });

  it('lists the uppdrag by origin, each with assessment and comment', () => {
    const uppdrag = table(goal1, 'Uppdrag_g1');
    expect(uppdrag.columns.map((c) => c.header)).toEqual(['Uppdrag', 'Bedömning', 'Bedömning (text)']);
    expect(uppdrag.rows.map((r) => `${r.style}: ${plainSpaces(r.cells.title?.text ?? '').slice(0, 40)}`)).toEqual([
      'header: Uppdrag givna från regionfullmäktige til',
      'item: Nr 1. Att utifrån den reviderade Krav- o',
      'comment: Den 1 juni började den reviderade Krav- ',
      'item: Nr 2. Att ersätta vårdcentralerna för ut',
      'comment: Inför 2025 beslutades om att vaccin mot ',
      'header: Regionstyrelsens egna uppdrag',
      'item: Revidering av riktlinjer för föreningsbi',
      'comment: Arbete med revidering av riktlinjer för ',
    ]);
    expect(uppdrag.rows[1]?.cells.assessment).toMatchObject({ value: 'achieved', text: '●' });
    expect(uppdrag.rows[6]?.cells.assessmentText?.text).toBe('Har delvis genomförts');
  });

  it('prints rankings, bare scores and relational targets as the report does', () => {
    const g5 = table(section(report, 'goal', 'mal-g5'), 'Styrtal_g5');
    expect(rowText(g5, g5.rows.find((r) => r.subject?.ref === 'g5-i2') ?? { style: 'item', cells: {} }, ['outcome', 'target'])).toBe('Plats 6 av 7 | Plats 3 av 7');
    const g6 = table(section(report, 'goal', 'mal-g6'), 'Styrtal_g6');
    expect(rowText(g6, g6.rows.find((r) => r.subject?.ref === 'g6-i3') ?? { style: 'item', cells: {} }, ['outcome', 'target', 'longTermTarget'])).toBe('3,5 | 3,8 | 3,9');
    const g9 = table(section(report, 'goal', 'mal-g9'), 'Styrtal_g9');
    expect(rowText(g9, g9.rows[0] ?? { style: 'item', cells: {} }, ['outcome', 'target'])).toBe('131,8 mnkr | >0');
    expect(g9.rows[0]?.cells.target?.numberFormat).toBe('">"#,##0');
  });

  it('gives målområden a section without an assessment of their own', () => {
    const area = section(report, 'goal', 'mal-fa1');
    expect(area.assessment).toBeUndefined();
    expect(area.tables.map((t) => t.id)).toEqual(['Uppdrag_fa1']);
    expect(area.sheetName).toBe('Målområde 1');
  });

  it('uses unique sheet names and table ids', () => {
    const sheets = report.sections.map((s) => s.sheetName.toLowerCase());
    expect(new Set(sheets).size).toBe(sheets.length);
    const ids = report.sections.flatMap((s) => s.tables.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});
