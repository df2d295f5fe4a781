// What the SharePoint lists would refuse is refused by validation, before an import writes anything:
// refs that differ only in case (the unique Key ignores case), a single line of text over 255
// characters, codes and refs only of the characters the Key column takes (the patterns of validate.ts).
import { formatIssue, validatePlanDocument } from '../../src/core';
import { fixture } from '../store/harness';

type Doc = ReturnType<typeof fixture>;

function issuesOf(doc: Doc): string[] {
  const result = validatePlanDocument(doc);
  return result.ok ? [] : result.issues.map(formatIssue);
}

function twoGoals(secondRef: string): Doc {
  const doc = fixture('rs-2025.json');
  const [first] = doc.goals ?? [];
  if (!first) throw new Error('the fixture has goals');
  const renamed = { ...first, ref: 'g1', indicators: [], assignments: [], activities: [] };
  return { ...doc, goals: [renamed, { ...renamed, ref: secondRef }], followUps: [] };
}

describe('validation refuses what the lists would refuse', () => {
  test('refs g1 and G1: the second is named, with the first it clashes with', () => {
    expect(issuesOf(twoGoals('G1'))).toEqual([
      'goals[1].ref: ref "G1" skiljer sig bara i stora och små bokstäver från "g1" (goals[0]); listorna skiljer inte på dem, så välj en annan ref',
    ]);
  });

  test('refs that differ in more than case pass', () => {
    expect(issuesOf(twoGoals('g2'))).toEqual([]);
  });

  test('a follow-up naming a ref in another case is refused with the spelling that exists', () => {
    const doc = twoGoals('g2');
    doc.periods = [{ key: '2025-annual' }];
    doc.followUps = [{ subject: 'G1', period: '2025-annual', assessment: 'achieved' }];
    expect(issuesOf(doc)).toEqual([expect.stringMatching(/^followUps\[0\]\.subject: ref "G1" finns inte i planen; menade du "g1" \(goals\[0\]\)/)]);
  });

  test('a plan title over 255 characters (the plan has no FullTitle column) is refused with its length', () => {
    const doc = { ...fixture('rs-2025.json'), title: 'x'.repeat(256) };
    expect(issuesOf(doc)).toEqual(['title: fältet är en textrad i SharePoint och rymmer högst 255 tecken, texten har 256']);
  });

  test('a goal title over 255 characters passes: the mapping keeps it whole in FullTitle', () => {
    const doc = fixture('rs-2025.json');
    doc.goals = (doc.goals ?? []).map((g, i) => (i === 0 ? { ...g, title: 'y'.repeat(1000) } : g));
    expect(issuesOf(doc)).toEqual([]);
  });

  test('a single-line column over 255 characters is refused, naming the item by its JSON path', () => {
    const doc = fixture('rs-2025.json');
    const [risk] = doc.risks ?? [];
    if (!risk) throw new Error('the fixture has risks');
    doc.risks = [{ ...risk, area: 'å'.repeat(300) }, ...(doc.risks ?? []).slice(1)];
    expect(issuesOf(doc)).toEqual(['risks[0].area: fältet är en textrad i SharePoint och rymmer högst 255 tecken, texten har 300']);
  });

  test('line breaks and tabs in a description are kept', () => {
    const doc = fixture('rs-2025.json');
    const [goal] = doc.goals ?? [];
    if (!goal) throw new Error('the fixture has goals');
    doc.goals = [{ ...goal, description: 'Rad ett\r\n\tRad två' }, ...(doc.goals ?? []).slice(1)];
    expect(issuesOf(doc)).toEqual([]);
  });
});
