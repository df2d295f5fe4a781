// A parent's report with its children's appended as bilagor: each bilaga reads like the parent's
// own report (its Sammanfattning, its goals with styrtal), with its prioriterade områden's
// aktiviteter as the reports print activity tables; before them, the parent's view per goal.
import type { documentToModel } from '../../src/core';
import type { Action, Goal, PlanContents } from '../../src/core';
import { appendChildReports, buildReport } from '../../src/report';
import type { ChildReportInput, GoalSection, Report, ReportSection, ReportTable, SummarySection } from '../../src/report';
import { fixtureModel, rowText } from './helpers';

const PERIOD = '2025-annual';
const rs = fixtureModel('rs-2025.json');
const rk = fixtureModel('rs-2025-regionkansliet.json');
const asChild = (m: ReturnType<typeof documentToModel>): ChildReportInput => ({ plan: m.contents, entries: m.entries });

const own = buildReport(rk.contents, rk.entries, PERIOD);
const parentReport = buildReport(rs.contents, rs.entries, PERIOD);
const report = appendChildReports(parentReport, asChild(rs), [asChild(rk)]);
const bilaga = report.sections.filter((s) => s.id.startsWith('bilaga1-'));

/** A table as its rows' texts, ids and captions aside. */
const texts = (t: ReportTable) => t.rows.map((r) => `${r.style}: ${rowText(t, r)}`);

describe('appendChildReports', () => {
  it('keeps the parent\'s own report as it is, and appends after it', () => {
    expect(report.sections.slice(0, parentReport.sections.length)).toEqual(parentReport.sections);
    expect(report.planKey).toBe('RS:2025');
  });

  it('appends the child\'s Sammanfattning and goals exactly as its own report has them, named Bilaga 1', () => {
    const ownSections = own.sections.filter((s) => s.kind === 'summary' || s.kind === 'goal');
    expect(bilaga.map((s) => s.kind)).toEqual(ownSections.map((s) => s.kind));
    bilaga.forEach((section, i) => {
      const mine = ownSections[i] as ReportSection;
      expect(section.title).toBe(`Bilaga 1, Regionkansliet: ${mine.title}`);
      expect(section.sheetName.startsWith('B1 ')).toBe(true);
      // The child's own tables, row for row, with their headers.
      mine.tables.forEach((t, j) => {
        const appended = section.tables[j] as ReportTable;
        expect(appended.id).toBe(`B1_${t.id}`);
        expect(appended.columns).toEqual(t.columns);
        expect(texts(appended)).toEqual(texts(t));
      });
    });
    const [summary] = bilaga as [SummarySection];
    expect(summary.paragraphs.slice(0, 2).map((p) => p.text)).toEqual([
      'Bilaga 1: Regionkansliets verksamhetsplan 2025',
      'Regionkansliet, stab under Regionstyrelsen, helår 2025.',
    ]);
    // The parent's Sammanfattning and the child's have the same columns, each in its own words.
    expect(summary.tables[0].columns).toEqual((parentReport.sections[0] as SummarySection).tables[0].columns);
    expect(texts(summary.tables[0])).toEqual(['item: Målsättningar från regionfullmäktige (1 st) | 0 | 0 | 0 | 1']);
  });

  it('prints the child\'s styrtal with the outcomes the seed gives for regionkansliet', () => {
    const goal = bilaga.find((s): s is GoalSection => s.kind === 'goal' && s.goalRef === 'rk-g8');
    const styrtal = goal?.tables[0];
    expect(styrtal?.columns.map((c) => c.header)).toEqual(['Styrtal, målsättning nr 8', 'Utfall', 'Årets målvärde', 'Långsiktigt målvärde', 'Status', 'Trend']);
    expect(styrtal?.rows.filter((r) => r.style === 'item').map((r) => rowText(styrtal, r, ['outcome', 'target', 'longTermTarget']))).toEqual(['83 | 77–80 | 80', '91 % | 90–100 % | 90–100 %', '3,2 % | 6,1 % | 5,8 %']);
  });

  it('gives each prioriterat område its aktiviteter: aktivitet, slutdatum, status, kommentar', () => {
    const area = bilaga.find((s): s is GoalSection => s.kind === 'goal' && s.goalRef === 'rk-fa2');
    const activities = area?.tables.find((t) => t.id === 'B1_Aktiviteter_rk_fa2');
    expect(activities?.title).toBe('Aktiviteter, Motverka välfärdsbrottslighet');
    expect(activities?.columns.map((c) => c.header)).toEqual(['Aktivitet', 'Slutdatum', 'Status', 'Kommentar']);
    expect(activities?.rows.map((r) => rowText(activities, r, ['activity', 'status']))).toEqual([
      'Ta fram ett regiongemensamt styrdokument för att motverka välfärdsbrottslighet. | ✓ Avslutad',
      'Delta i SKR:s nationella nätverk mot välfärdsbrottslighet. | ▶ Pågående',
    ]);
    expect(activities?.rows[0]?.cells.comment?.text).toMatch(/^Regionkansliet har genom samverkan/);
  });

  it('shows the parent\'s view per goal: each child\'s assessment and the suggestion by the stated rule', () => {
    const view = report.sections.find((s) => s.id === 'underliggande');
    expect(view?.paragraphs[1]?.text).toMatch(/^Förslaget är den vanligaste bedömningen bland de underliggande planerna; vid lika antal den sämre\./);
    const table = view?.tables[0] as ReportTable;
    expect(texts(table).slice(0, 3)).toEqual([
      'header: Målsättning nr 8: Kompetensförsörjningen är långsiktig. |  |  |  | ',
      'item: Regionkansliet (stab) | Målsättning nr 8: Kompetensförsörjningen är långsiktig. | — | Inte rapporterad | ',
      'subtotal: Förslag (den vanligaste; vid lika den sämre) |  | — förslag | Kan ej bedömas | ',
    ]);
    expect(table.rows.filter((r) => r.style === 'header').map((r) => r.cells.organisation?.text)).toEqual([
      'Målsättning nr 8: Kompetensförsörjningen är långsiktig.',
      'Motverka välfärdsbrottslighet',
      'Kvalitet och utveckling',
    ]);
  });

  it('names every sheet and table once, as Excel requires', () => {
    const sheets = report.sections.map((s) => s.sheetName.toLowerCase());
    expect(new Set(sheets).size).toBe(sheets.length);
    const tables = report.sections.flatMap((s) => s.tables.map((t) => t.id.toLowerCase()));
    expect(new Set(tables).size).toBe(tables.length);
  });
});

describe('two children, with roll-ups and slutdatum', () => {
  const base = (code: string, name: string, goals: Goal[], actions: Action[] = []): PlanContents => ({
    organisation: { code, name, kind: 'administration', parentCode: 'N' },
    plan: { organisationCode: code, year: 2025, title: `${name}s verksamhetsplan 2025`, status: 'adopted' },
    periods: [],
    goals,
    indicators: [{ ref: `${code}-i`, goalRef: `${code}-g`, title: 'Antal besök', valueType: 'numeric', unit: 'st', direction: 'increase', givenBy: { plan: 'N:2025', ref: 'n-i' } }],
    assignments: [],
    risks: [],
    actions,
    people: [],
  });
  const parent: ChildReportInput = {
    plan: { ...base('N', 'Nämnden', [{ ref: 'n-g', kind: 'objective', number: '1', title: 'Mål ett', origin: 'board' }]), organisation: { code: 'N', name: 'Nämnden', kind: 'board' }, indicators: [{ ref: 'n-i', goalRef: 'n-g', title: 'Antal besök', valueType: 'numeric', unit: 'st', direction: 'increase', rollUp: { method: 'sum' } }] },
    entries: [],
  };
  const child = (code: string, name: string, assessment: 'achieved' | 'not-achieved', visits: number): ChildReportInput => ({
    plan: base(code, name, [{ ref: `${code}-g`, kind: 'goal', title: `${name}s mål`, origin: 'board', contributesTo: { ref: 'n-g' } }], [{ ref: `${code}-a`, goalRef: `${code}-g`, title: 'Öppna mottagningen', dueDate: '2025-11-30', status: 'in-progress' }]),
    entries: [
      { subjectKind: 'goal', subjectRef: `${code}-g`, periodKey: PERIOD, assessment },
      { subjectKind: 'indicator', subjectRef: `${code}-i`, periodKey: PERIOD, value: visits },
      { subjectKind: 'action', subjectRef: `${code}-a`, periodKey: PERIOD, status: 'done', comment: 'Öppnade i november.' },
    ],
  });
  const withChildren: Report = appendChildReports(buildReport(parent.plan, [], PERIOD), parent, [child('F1', 'Förvaltning ett', 'achieved', 1200), child('F2', 'Förvaltning två', 'not-achieved', 345)]);

  it('suggests the worse at a tie between two children', () => {
    const table = withChildren.sections.find((s) => s.id === 'underliggande')?.tables[0] as ReportTable;
    expect(texts(table)).toEqual([
      'header: Målsättning nr 1: Mål ett |  |  |  | ',
      'item: Förvaltning ett (förvaltning) | Förvaltning etts mål | ● | Uppnått eller överträffat målnivån | ',
      'item: Förvaltning två (förvaltning) | Förvaltning tvås mål | ■ | Större negativ avvikelse / har inte uppnåtts | ',
      'subtotal: Förslag (den vanligaste; vid lika den sämre) |  | ■ förslag | Större negativ avvikelse / har inte uppnåtts | ',
    ]);
  });

  it('sums the styrtal that says so: 1 200 + 345 = 1 545 st', () => {
    const table = withChildren.sections.find((s) => s.id === 'underliggande-styrtal')?.tables[0] as ReportTable;
    expect(texts(table).map((t) => t.replace(/\u00a0/g, ' '))).toEqual(['item: Antal besök | Summa | 1 545 st | Förvaltning ett, Förvaltning två | ']);
  });

  it('numbers the bilagor in the children\'s order, with the aktivitet\'s slutdatum and its status in the period', () => {
    expect(withChildren.sections.filter((s) => s.kind === 'summary' && s.id.startsWith('bilaga')).map((s) => s.paragraphs[0]?.text)).toEqual([
      'Bilaga 1: Förvaltning etts verksamhetsplan 2025',
      'Bilaga 2: Förvaltning tvås verksamhetsplan 2025',
    ]);
    const activities = withChildren.sections.flatMap((s) => s.tables).find((t) => t.id === 'B2_Aktiviteter_F2_g') as ReportTable;
    expect(texts(activities)).toEqual(['item: Öppna mottagningen | 2025-11-30 | ✓ Avslutad | Öppnade i november.']);
    expect(activities.rows[0]?.cells.dueDate?.value).toBe('2025-11-30');
  });
});
