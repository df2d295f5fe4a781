// When a run counts as failed: only on a systemic error, one no single recipient explains and the
// next run would meet again. Sign-in and an unreachable site already fail the run before any send
// (they throw); after the sends it is every send Graph refused failing the same way with nothing
// sent, or no record written at all. People the job cannot reach (no Teams app, and it may not
// install it) are reported, never a failed run: otherwise a run whose only recipients left are
// such people would fail every day (docs/notify.md, "Recipients without the app").
import type { NotificationOutcome } from './result';

/** What the verdict reads of a run: notify's and remind's results alike. */
export interface RunHealthInput {
  readonly dryRun: boolean;
  readonly notifications: ReadonlyArray<Pick<NotificationOutcome, 'status' | 'failure' | 'error' | 'unrecorded'>>;
}

function signature(n: RunHealthInput['notifications'][number]): string {
  return `${n.failure?.status ?? 0} ${n.failure?.code ?? ''}`;
}

/** A Swedish sentence saying what is systemically wrong, or undefined when nothing is. */
export function systemicFailure(result: RunHealthInput): string | undefined {
  if (result.dryRun) return undefined;
  const sent = result.notifications.filter((n) => n.status === 'sent');
  if (sent.length > 0) {
    if (!sent.every((n) => (n.unrecorded?.length ?? 0) > 0)) return undefined;
    return `Ingen avisering kunde registreras i listorna (${sent.length} skickade): ${sent[0]?.unrecorded?.[0] ?? ''}`;
  }
  const failed = result.notifications.filter((n) => n.status === 'failed');
  const first = failed[0];
  if (!first || new Set(failed.map(signature)).size > 1) return undefined;
  const what = first.failure ? `${first.failure.status} ${first.failure.code}` : 'samma fel';
  return `Inget utskick lyckades, och alla ${failed.length} fel är desamma (${what}): ${first.error ?? ''}`;
}
