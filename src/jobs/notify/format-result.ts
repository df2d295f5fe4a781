// A run's result as plain Swedish lines: for the command line and the function's log.
import type { JobRunResult, NotifyRunResult } from './result';
import type { RunHealthInput } from './run-health';
import { systemicFailure } from './run-health';
import { GRAPH_SENDS_PER_SECOND } from './settings';

const ROLE = { owner: 'ansvarig', manager: 'chef' } as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

/**
 * A job run's closing lines, the same for notify and remind: the time per phase, the installs, and
 * the verdict when something systemic failed. The measured time only: a computed minimum beside it
 * read as a contradiction (0,0 s, "minst 0,2 s").
 */
export function runFigureLines(result: RunHealthInput & Pick<JobRunResult, 'figures'>): string[] {
  const f = result.figures;
  const sending = result.dryRun
    ? 'inget utskick i en provkörning'
    : f.send.sends === 0
      ? 'inget utskick'
      : `utskick ${f.send.sendRequests} anrop + ${f.send.recordRequests} för registrering, ${seconds(f.send.ms)} (Graph tillåter högst ${GRAPH_SENDS_PER_SECOND} per sekund)`;
  const lines = [`Tider: genomsökning ${f.scan.requests} anrop, ${seconds(f.scan.ms)}; uppslag ${f.resolve.requests} anrop, ${seconds(f.resolve.ms)}; ${sending}.`];
  if (f.send.installs > 0) lines.push(`Teams-appen installerades för ${f.send.installs} mottagare som saknade den.`);
  const systemic = systemicFailure(result);
  if (systemic) lines.push(`KÖRNINGEN MISSLYCKADES: ${systemic}`);
  return lines;
}

export function formatRunResult(result: NotifyRunResult): string[] {
  const lines: string[] = [];
  if (result.busy !== undefined) return [result.busy];
  const verb = result.dryRun ? 'Skulle skicka' : 'Skickat';
  const sent = result.notifications.filter((n) => n.status === 'sent' || n.status === 'would-send');
  const dryRunNote = result.dryRun ? ' (Provkörning: inget skickas eller skrivs.)' : '';
  lines.push(result.overdueActions === 0 ? `Inga försenade åtgärder per ${result.asOf}.${dryRunNote}` : `Försenade åtgärder per ${result.asOf}: ${result.overdueActions}.${dryRunNote}`);
  // An empty list under a colon reads as if something went missing: say that nobody gets one.
  if (sent.length > 0) lines.push(`${verb} till ${sent.length} mottagare:`);
  else if (result.overdueActions > 0) lines.push(result.dryRun ? 'Ingen skulle aviseras i den här körningen.' : 'Ingen aviserades i den här körningen.');
  for (const n of sent) {
    const roles = [...new Set(n.actions.map((a) => ROLE[a.role]))].join(' och ');
    lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}> (${roles}${n.installed ? '; appen installerades för mottagaren' : ''}): ${n.text}`);
    for (const a of n.actions) lines.push(`      ${a.planKey ?? ''} ${a.kind === 'assignment' ? 'uppdrag: ' : ''}${a.title} — ${a.days} dagar${a.role === 'manager' && a.ownerUpn ? `, ansvarig ${a.ownerName ?? a.ownerUpn}` : ''}`);
    lines.push(`      länk: ${n.webUrl}`);
    for (const u of n.unrecorded ?? []) lines.push(`      EJ REGISTRERAD (nästa körning i dag registrerar den utan att skicka igen): ${u}`);
  }
  const earlier = result.notifications.filter((n) => n.status === 'sent-earlier');
  if (earlier.length > 0) {
    lines.push(`Skickade av en tidigare körning i dag, nu registrerade (${earlier.length}; skickas inte igen):`);
    for (const n of earlier) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>${(n.unrecorded?.length ?? 0) > 0 ? `: fortfarande ej registrerad: ${(n.unrecorded ?? []).join('; ')}` : ''}`);
  }
  const doubt = result.notifications.filter((n) => n.status === 'in-doubt');
  if (doubt.length > 0) {
    lines.push(`Kanske redan skickade (${doubt.length}; skickas inte igen i dag):`);
    for (const n of doubt) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>: ${n.error ?? ''}`);
  }
  const failed = result.notifications.filter((n) => n.status === 'failed');
  if (failed.length > 0) {
    lines.push(`Misslyckades (${failed.length}; försöks igen nästa körning):`);
    for (const n of failed) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>: ${n.error ?? ''}`);
  }
  const unreached = result.notifications.filter((n) => n.status === 'unreached');
  if (unreached.length > 0) {
    lines.push(`Når inte (${unreached.length}; Teams-appen saknas, försöks igen nästa körning):`);
    for (const n of unreached) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>: ${n.error ?? ''}`);
  }
  const notSent = result.notifications.filter((n) => n.status === 'not-sent');
  if (result.stopped !== undefined) lines.push(result.stopped);
  if (notSent.length > 0) lines.push(`Avbruten: ${notSent.length} mottagare återstår (${notSent.map((n) => n.recipient.upn).join(', ')}); nästa körning skickar till dem.`);
  if (result.unresolved.length > 0) {
    lines.push(`Kan inte aviseras (${result.unresolved.length}):`);
    for (const u of result.unresolved) {
      const who = u.role === 'owner' ? `ansvarig ${u.ownerUpn ?? '(saknas)'}` : `chef till ${u.ownerUpn ?? '(ansvarig saknas)'}`;
      lines.push(`  ${who}: ${u.problem} Gäller: ${u.actions.map((a) => `${a.title} (${a.days} dagar)`).join('; ')}`);
    }
  }
  if (result.skipped.length > 0) lines.push(`Redan aviserade, ingen påminnelse än: ${result.skipped.length} åtgärder.`);
  return [...lines, ...runFigureLines(result)];
}
