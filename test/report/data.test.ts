import type { FollowUpEntry } from '../../src/core';
import { buildReport } from '../../src/report';
import type { ReportEntry, ReportPlan } from '../../src/report';
import { fixtureModel, report2025, section } from './helpers';

describe('Data table on the 2025 fixture', () => {
  const data = section(report2025(), 'data').tables[0];
  const { contents } = fixtureModel();

  it('has one row per thing for the report period', () => {
    const things = contents.goals.length + contents.indicators.length + contents.assignments.length + contents.actions.length;
    expect(data.rows).toHaveLength(things);
    expect(data.rows.every((r) => r.writeBack.periodKey === '2025-annual')).toBe(true);
  });

  it('marks the editable columns', () => {
    expect(data.columns.filter((c) => c.editable).map((c) => [c.header, c.editable])).toEqual([
      ['Utfall', 'value'],
      ['Bedömning', 'assessment'],
      ['Kommentar', 'comment'],
    ]);
  });

  it('holds every field of an indicator row', () => {
    const row = data.rows.find((r) => r.subject.ref === 'g1-i3');
    const text = (key: string) => row?.cells[key]?.text;
    // The period as people say it; its key, for write-back, in a hidden column.
    expect(text('period')).toBe('Helår 2025');
    expect(text('periodKey')).toBe('2025-annual');
    expect(row?.cells.deadline).toEqual({ value: '2026-01-31', text: '2026-01-31' });
    expect(text('kind')).toBe('Styrtal');
    expect(text('goal')).toBe('Målsättning nr 1');
    expect(text('owner')).toBe('Johan Ekström');
    expect(text('unit')).toBe('%');
    expect(text('direction')).toBe('Högre är bättre');
    expect(row?.cells.target?.value).toBe(63);
    expect(text('targetText')).toBe('63 % (riket + 1 %)');
    expect(row?.cells.value?.value).toBe(56);
    expect(text('suggestedAssessment')).toBe('Större negativ avvikelse / har inte uppnåtts');
    expect(text('comment')).toMatch(/^Utfallet avser 2025 års mätning/);
    expect(row?.cells.reportedAt).toEqual({ value: '2026-01-31', text: '2026-01-31' });
    expect(text('reportedBy')).not.toContain('@');
    expect(row?.writeBack).toEqual({
      subjectKind: 'indicator',
      subjectRef: 'g1-i3',
      periodKey: '2025-annual',
      original: { value: 56, assessment: null, comment: expect.stringMatching(/^Utfallet avser/) as unknown as string },
      editable: ['value', 'assessment', 'comment'],
    });
  });

  it('hides only the technical columns: the period key, item ids and eTag', () => {
    expect(data.columns.filter((c) => c.hidden).map((c) => c.header)).toEqual(['Periodnyckel', 'Objekt-id', 'Uppföljnings-id', 'eTag']);
    expect(data.columns.filter((c) => c.type === 'date').map((c) => c.header)).toEqual(['Sista rapportdag', 'Slutdatum', 'Rapporterad']);
  });

  it('names the origin in the words of Sammanfattning', () => {
    const report = report2025();
    const summaryLabels = section(report, 'summary').tables[0].rows.map((r) => (r.cells.category?.text ?? '').replace(/ \(\d+ st\)$/, ''));
    const origins = new Set(data.rows.filter((r) => r.subject.kind === 'assignment' || r.subject.kind === 'goal').map((r) => r.cells.origin?.text));
    expect([...origins].filter((o) => o !== undefined && summaryLabels.includes(o)).sort()).toEqual(
      ['Målsättningar från regionfullmäktige', 'Regionstyrelsens egna uppdrag', 'Uppdrag från regionfullmäktige'],
    );
    expect(data.rows.find((r) => r.subject.ref === 'a1')?.cells.origin?.text).toBe('Uppdrag från regionfullmäktige');
  });

  it('names people by display name, and someone the directory does not know by the name part of their account', () => {
    const { contents: plain, entries } = fixtureModel();
    const row = data.rows.find((r) => r.subject.ref === 'g1-i3');
    const owner = plain.indicators.find((i) => i.ref === 'g1-i3')?.ownerUpn ?? '';
    const withoutOwner = { ...plain, people: plain.people.filter((p) => p.upn !== owner) };
    const unknown = section(buildReport(withoutOwner, entries, '2025-annual'), 'data').tables[0].rows.find((r) => r.subject.ref === 'g1-i3');
    expect(row?.cells.owner?.text).toBe('Johan Ekström');
    expect(unknown?.cells.owner?.text).toBe(owner.split('@')[0]);
    const visible = data.columns.filter((c) => !c.hidden).map((c) => c.key);
    for (const r of data.rows) for (const key of visible) expect(r.cells[key]?.text ?? '').not.toContain('@');
  });

  it('labels assessments in the vocabulary of the thing', () => {
    expect(data.rows.find((r) => r.subject.ref === 'a1')?.cells.assessment).toEqual({ value: 'achieved', text: 'Har genomförts' });
    expect(data.rows.find((r) => r.subject.ref === 'g1')?.cells.assessment).toEqual({ value: 'partly', text: 'Mindre, acceptabel avvikelse / delvis uppnått' });
    expect(data.rows.find((r) => r.subject.ref === 'r1-a1')?.writeBack.editable).toEqual(['comment']);
  });

  it('carries item ids and eTags for write-back when the plan came from the lists', () => {
    const { contents: plain, entries } = fixtureModel();
    const stored: ReportPlan = { ...plain, indicators: plain.indicators.map((i, n) => ({ ...i, itemId: String(100 + n) })) };
    const withTags: ReportEntry[] = entries.map((e: FollowUpEntry, n) => ({ ...e, itemId: String(500 + n), eTag: `"etag-${n},1"` }));
    const rows = section(buildReport(stored, withTags, '2025-annual'), 'data').tables[0].rows;
    const row = rows.find((r) => r.subject.ref === 'g1-i1');
    expect(row?.writeBack).toMatchObject({ subjectItemId: '100', entryItemId: expect.any(String) as unknown as string, eTag: expect.stringMatching(/^"etag-/) as unknown as string });
    expect(row?.cells.eTag?.text).toBe(row?.writeBack.eTag);
    // A thing without an entry: write-back creates one (no eTag).
    const unreported = section(buildReport(stored, withTags.filter((e) => e.subjectRef !== 'g1-i1'), '2025-annual'), 'data').tables[0].rows.find((r) => r.subject.ref === 'g1-i1');
    expect(unreported?.writeBack.eTag).toBeUndefined();
    expect(unreported?.writeBack.original).toEqual({ value: null, assessment: null, comment: null });
  });
});
