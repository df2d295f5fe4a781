// Entries by thing and period, and the indicator status and trend the tables show.
import type { Indicator, SubjectKind } from '../core';
import { outcomeOf, suggestAssessment, suggestTrend } from '../core';
import { assessmentMark, trendMark } from './status-marks';
import type { ReportEntry, StatusMark } from './types';

export interface EntryIndex {
  get(kind: SubjectKind, ref: string, periodKey: string | undefined): ReportEntry | undefined;
  /** Period keys that have entries. */
  readonly periodKeys: ReadonlySet<string>;
}

export function indexEntries(entries: readonly ReportEntry[]): EntryIndex {
  const byKey = new Map<string, ReportEntry>();
  const periodKeys = new Set<string>();
  for (const e of entries) {
    byKey.set(`${e.subjectKind}|${e.subjectRef}|${e.periodKey}`, e);
    periodKeys.add(e.periodKey);
  }
  return {
    get: (kind, ref, periodKey) => (periodKey === undefined ? undefined : byKey.get(`${kind}|${ref}|${periodKey}`)),
    periodKeys,
  };
}

export interface IndicatorStatus {
  readonly assessment: StatusMark;
  readonly trend?: StatusMark;
}

/**
 * What the styrtal table shows: the reported assessment and trend, else the rules' suggestions
 * (marked `suggested`), the trend against the comparison period's entry when there is one, which
 * is also what a previous-year target reads against.
 */
export function indicatorStatus(indicator: Indicator, current: ReportEntry | undefined, previous: ReportEntry | undefined): IndicatorStatus {
  const outcome = outcomeOf(current, previous);
  const assessment = current?.assessment
    ? assessmentMark(current.assessment, 'goal')
    : assessmentMark(suggestAssessment(indicator, outcome), 'goal', true);
  if (current?.trend) return { assessment, trend: trendMark(current.trend) };
  const suggested = suggestTrend(indicator, outcome, previous ? outcomeOf(previous) : undefined);
  return suggested ? { assessment, trend: trendMark(suggested, true) } : { assessment };
}
