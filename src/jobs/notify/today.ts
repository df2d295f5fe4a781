// "Today" for a run: the calendar date where the organisation is, not in UTC, where the Functions
// host runs (a run shortly after midnight in Stockholm is still the day before in UTC).

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** YYYY-MM-DD of `at` in `timeZone`. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, at: Date = new Date()): string {
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
