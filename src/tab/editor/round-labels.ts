// When a round step or a lock happened, as people read it: "2 december 14:05" in the editor, "2
// december" in the lock line; the year only when it is not this year.
import type { UiLanguage } from '../../ui';

const locale = (language: UiLanguage) => (language === 'en' ? 'en-GB' : 'sv-SE');

function sameYear(date: Date, now: Date): boolean {
  return date.getFullYear() === now.getFullYear();
}

/** "2 december" (or "2 december 2025"); empty for a missing or unreadable instant. */
export function dayLabel(iso: string | undefined, language: UiLanguage, now: Date = new Date()): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(locale(language), { day: 'numeric', month: 'long', ...(sameYear(date, now) ? {} : { year: 'numeric' }) });
}

/** "2 december 14:05": the day, then the time of day. */
export function momentLabel(iso: string | undefined, language: UiLanguage, now: Date = new Date()): string {
  const day = dayLabel(iso, language, now);
  if (!day || !iso) return day;
  return `${day} ${new Date(iso).toLocaleTimeString(locale(language), { hour: '2-digit', minute: '2-digit' })}`;
}
