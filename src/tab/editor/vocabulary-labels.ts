// Labels of the domain's codes in the UI language, for the kind of thing being reported.
import type { ActionStatus, Assessment, Level, SubjectKind, Trend } from '../../core';
import { ACTION_STATUS, ACTION_STATUSES, ASSESSMENTS, ASSIGNMENT_ASSESSMENT, GOAL_ASSESSMENT, LEVEL, LEVELS, TREND, TRENDS } from '../../core';
import type { UiLanguage } from '../../ui';

export function assessmentLabel(kind: SubjectKind, code: Assessment, language: UiLanguage): string {
  const vocabulary = kind === 'assignment' ? ASSIGNMENT_ASSESSMENT : GOAL_ASSESSMENT;
  return vocabulary[code][language];
}

export function assessmentOptions(kind: SubjectKind, language: UiLanguage): Array<{ code: Assessment; label: string }> {
  return ASSESSMENTS.map((code) => ({ code, label: `${GOAL_ASSESSMENT[code].symbol} ${assessmentLabel(kind, code, language)}` }));
}

export function trendLabel(code: Trend, language: UiLanguage): string {
  return TREND[code][language];
}

export function trendOptions(language: UiLanguage): Array<{ code: Trend; label: string }> {
  return TRENDS.map((code) => ({ code, label: `${TREND[code].symbol} ${TREND[code][language]}` }));
}

export function levelLabel(code: Level, language: UiLanguage): string {
  return LEVEL[code][language];
}

export function levelOptions(language: UiLanguage): Array<{ code: Level; label: string }> {
  return LEVELS.map((code) => ({ code, label: `${LEVEL[code].symbol} ${LEVEL[code][language]}` }));
}

export function statusLabel(code: ActionStatus, language: UiLanguage): string {
  return ACTION_STATUS[code][language];
}

export function statusOptions(language: UiLanguage): Array<{ code: ActionStatus; label: string }> {
  return ACTION_STATUSES.map((code) => ({ code, label: `${ACTION_STATUS[code].symbol ? `${ACTION_STATUS[code].symbol} ` : ''}${ACTION_STATUS[code][language]}` }));
}
