// Regionstyrelsen's uppsiktsplikt tables: a regionfullmäktige goal given to three nämnder shows
// their three assessments and comments side by side, found by identity; the region's counts per
// nämnd and in all; styrtal rolled up as the region's plan says.
import { plainSpaces } from '../../src/core';
import type { Assignment, FollowUpEntry, Goal, Indicator, Organisation, RegionPlanInput } from '../../src/core';
import { buildRegionReport } from '../../src/report';
import type { GoalSection, ReportTable, SummarySection } from '../../src/report';

const YEAR = 2025;
const PERIOD = '2025-annual';

function plan(organisation: Organisation, things: { goals?: Goal[]; indicators?: Indicator[]; assignments?: Assignment[]; entries?: FollowUpEntry[] }): RegionPlanInput {
  return {
    organisation,
    plan: { organisationCode: organisation.code, year: YEAR, title: `${organisation.name}s verksamhetsplan ${YEAR}`, status: 'adopted' },
    goals: things.goals ?? [],
    indicators: things.indicators ?? [],
    assignments: things.assignments ?? [],
    entries: things.entries ?? [],
  };
}

const given = (ref: string) => ({ givenBy: { plan: 'RF:2025', ref } });
const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, values: Partial<FollowUpEntry>): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: PERIOD, ...values });

const region = plan(
  { code: 'RF', name: 'Regionfullmäktige', kind: 'region' },
  {
    goals: [
      { ref: 'm1', kind: 'objective', number: '1', title: 'Hälso- och sjukvården är god, säker och jämlik.', origin: 'council' },
      { ref: 'm2', kind: 'objective', number: '2', title: 'Tandvården är god, säker och jämlik.', origin: 'council' },
    ],
    indicators: [{ ref: 'm1-s1', goalRef: 'm1', title: 'Sjukfrånvaro', valueType: 'numeric', unit: '%', direction: 'decrease', rollUp: { method: 'average' } }],
    assignments: [{ ref: 'u1', goalRef: 'm1', number: '1', title: 'Att följa upp Krav- och kvalitetsboken.', origin: 'council' }],
  },
);

/** A nämnd whose plan has m1 (under its own ref and number), its styrtal and uppdrag, and an assessment. */
function board(code: string, name: string, assessment: FollowUpEntry['assessment'] | undefined, comment: string, value: number): RegionPlanInput {
  return plan(
    { code, name, kind: 'board', parentCode: 'RF' },
    {
      goals: [{ ref: `${code}-g1`, kind: 'objective', number: '1', title: 'Hälso- och sjukvården är god, säker och jämlik.', origin: 'council', ...given('m1') }],
      indicators: [{ ref: `${code}-i1`, goalRef: `${code}-g1`, title: 'Sjukfrånvaro', valueType: 'numeric', unit: '%', direction: 'decrease', target: 6.1, ...given('m1-s1') }],
      assignments: [{ ref: `${code}-a1`, goalRef: `${code}-g1`, number: '1', title: 'Att följa upp Krav- och kvalitetsboken.', origin: 'council', ...given('u1') }],
      entries: [
        ...(assessment ? [entry('goal', `${code}-g1`, { assessment, comment })] : []),
        entry('indicator', `${code}-i1`, { value }),
        entry('assignment', `${code}-a1`, { assessment: 'achieved', comment: `${name} har följt upp.` }),
      ],
    },
  );
}

const rs = board('RS', 'Regionstyrelsen', 'partly', 'De tre uppdragen bedöms vara genomförda under 2025.', 3.2);
const hsn = board('HSN', 'Hälso- och sjukvårdsnämnden', 'achieved', 'Målsättningen har uppnåtts.', 6.5);
const ftn = board('FTN', 'Folktandvårdsnämnden', 'not-achieved', 'Målsättningen har inte uppnåtts.', 5);
// Same title as m1, but copied as text: not regionfullmäktige's goal by identity.
const copied = plan(
  { code: 'KN', name: 'Kulturnämnden', kind: 'board', parentCode: 'RF' },
  { goals: [{ ref: 'k1', kind: 'objective', number: '1', title: 'Hälso- och sjukvården är god, säker och jämlik.', origin: 'council' }], entries: [entry('goal', 'k1', { assessment: 'achieved' })] },
);

const rowsOf = (table: ReportTable | undefined, keys: readonly string[]) => (table?.rows ?? []).map((r) => `${r.style}: ${keys.map((k) => plainSpaces(r.cells[k]?.text ?? '')).join(' | ')}`);

describe('buildRegionReport', () => {
  const report = buildRegionReport(region, [rs, hsn, ftn, copied, region], PERIOD);
  const m1 = report.sections.find((s): s is GoalSection => s.kind === 'goal' && s.goalRef === 'm1');

  it('shows the three nämnder given a regionfullmäktige goal, each assessment and comment side by side', () => {
    expect(m1?.title).toBe('Målsättning nr 1: Hälso- och sjukvården är god, säker och jämlik.');
    const table = m1?.tables[0];
    expect(table?.title).toBe('Nämndernas bedömningar, målsättning nr 1');
    expect(table?.columns.map((c) => c.header)).toEqual(['Nämnd', 'Nämndens målsättning', 'Bedömning', 'Bedömning (text)', 'Kommentar']);
    expect(rowsOf(table, ['organisation', 'assessment', 'assessmentText', 'comment'])).toEqual([
      'item: Regionstyrelsen | ◆ | Mindre, acceptabel avvikelse / delvis uppnått | De tre uppdragen bedöms vara genomförda under 2025.',
      'item: Hälso- och sjukvårdsnämnden | ● | Uppnått eller överträffat målnivån | Målsättningen har uppnåtts.',
      'item: Folktandvårdsnämnden | ■ | Större negativ avvikelse / har inte uppnåtts | Målsättningen har inte uppnåtts.',
    ]);
    expect(m1?.paragraphs.map((p) => p.text)).toEqual([
      'Målsättning nr 1: Hälso- och sjukvården är god, säker och jämlik.',
      'Given till Regionstyrelsen, Hälso- och sjukvårdsnämnden, Folktandvårdsnämnden.',
      // One of each: a three-way tie, so the worst.
      'Förslag från nämndernas bedömningar (den vanligaste; vid lika den sämre): ■ Större negativ avvikelse / har inte uppnåtts',
    ]);
  });

  it('shows each nämnd\'s styrtal with the region\'s average, and each nämnd\'s uppdrag', () => {
    expect(rowsOf(m1?.tables[1], ['organisation', 'outcome', 'target'])).toEqual([
      'header: Sjukfrånvaro |  | ',
      'item: Regionstyrelsen | 3,2 % | 6,1 %',
      'item: Hälso- och sjukvårdsnämnden | 6,5 % | 6,1 %',
      'item: Folktandvårdsnämnden | 5 % | 6,1 %',
      // (3,2 + 6,5 + 5) / 3 = 4,9
      'total: Regionen (medelvärde) | 4,9 % | ',
    ]);
    expect(rowsOf(m1?.tables[2], ['organisation', 'assessment', 'comment'])).toEqual([
      'header: Nr 1. Att följa upp Krav- och kvalitetsboken. |  | ',
      'item: Regionstyrelsen | ● | Regionstyrelsen har följt upp.',
      'item: Hälso- och sjukvårdsnämnden | ● | Hälso- och sjukvårdsnämnden har följt upp.',
      'item: Folktandvårdsnämnden | ● | Folktandvårdsnämnden har följt upp.',
    ]);
  });

  it('counts per nämnd and for every nämnd, as the report\'s Sammanfattning prints counts', () => {
    const summary = report.sections[0] as SummarySection;
    expect(summary.title).toBe('Sammanfattning uppsiktsplikt: regionfullmäktiges målsättningar och uppdrag');
    expect(summary.tables[0].columns.map((c) => c.header)).toEqual(['Måluppfyllelse', 'Har uppnåtts/genomförts', 'Har delvis uppnåtts/genomförts', 'Har inte uppnåtts/genomförts', 'Kan ej bedömas']);
    expect(rowsOf(summary.tables[0], ['category', 'achieved', 'partly', 'notAchieved', 'notAssessed'])).toEqual([
      'header: Målsättningar från regionfullmäktige (2 st) |  |  |  | ',
      'item: Regionstyrelsen (1 st) | 0 | 1 | 0 | 0',
      'item: Hälso- och sjukvårdsnämnden (1 st) | 1 | 0 | 0 | 0',
      'item: Folktandvårdsnämnden (1 st) | 0 | 0 | 1 | 0',
      'total: Samtliga nämnder (3 st) | 1 | 1 | 1 | 0',
      'header: Uppdrag från regionfullmäktige (1 st) |  |  |  | ',
      'item: Regionstyrelsen (1 st) | 1 | 0 | 0 | 0',
      'item: Hälso- och sjukvårdsnämnden (1 st) | 1 | 0 | 0 | 0',
      'item: Folktandvårdsnämnden (1 st) | 1 | 0 | 0 | 0',
      'total: Samtliga nämnder (3 st) | 3 | 0 | 0 | 0',
    ]);
  });

  it('leaves out a goal copied as text, and says so of a regionfullmäktige goal no nämnd has', () => {
    expect(JSON.stringify(report)).not.toContain('Kulturnämnden');
    const m2 = report.sections.find((s): s is GoalSection => s.kind === 'goal' && s.goalRef === 'm2');
    expect(m2?.paragraphs.map((p) => p.text)).toEqual(['Målsättning nr 2: Tandvården är god, säker och jämlik.', 'Ingen nämnds plan har målsättningen.']);
    expect(m2?.tables).toEqual([]);
  });

  it('counts a nämnd that has not reported as not assessed, and says "Inte rapporterad"', () => {
    const silent = buildRegionReport(region, [rs, board('HSN', 'Hälso- och sjukvårdsnämnden', undefined, '', 6.5)], PERIOD);
    const goal = silent.sections.find((s): s is GoalSection => s.kind === 'goal' && s.goalRef === 'm1');
    expect(rowsOf(goal?.tables[0], ['organisation', 'assessment', 'assessmentText'])).toEqual(['item: Regionstyrelsen | ◆ | Mindre, acceptabel avvikelse / delvis uppnått', 'item: Hälso- och sjukvårdsnämnden | — | Inte rapporterad']);
    const summary = silent.sections[0] as SummarySection;
    expect(rowsOf(summary.tables[0], ['category', 'achieved', 'partly', 'notAchieved', 'notAssessed'])[3]).toBe('total: Samtliga nämnder (2 st) | 0 | 1 | 0 | 1');
    // Partly against nothing counted: the suggestion is partly.
    expect(goal?.paragraphs[2]?.text).toMatch(/: ◆ Mindre, acceptabel avvikelse/);
  });

  it('gives every sheet and table a unique name Excel accepts', () => {
    const sheets = report.sections.map((s) => s.sheetName.toLowerCase());
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const s of report.sections) expect(s.sheetName.length).toBeLessThanOrEqual(31);
    const tables = report.sections.flatMap((s) => s.tables.map((t) => t.id.toLowerCase()));
    expect(new Set(tables).size).toBe(tables.length);
  });
});
