// A run's result as plain Swedish lines: for the command line and the function's log.
import type { NotifyRunResult } from './result';

const ROLE = { owner: 'ansvarig', manager: 'chef' } as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

export function formatRunResult(result: NotifyRunResult): string[] {
  const lines: string[] = [];
  const verb = result.dryRun ? 'Skulle skicka' : 'Skickat';
  const sent = result.notifications.filter((n) => n.status === 'sent' || n.status === 'would-send');
  lines.push(`Försenade åtgärder per ${result.asOf}: ${result.overdueActions}.${result.dryRun ? ' (Provkörning: inget skickas eller skrivs.)' : ''}`);
  lines.push(`${verb} till ${sent.length} mottagare:`);
  for (const n of sent) {
    const roles = [...new Set(n.actions.map((a) => ROLE[a.role]))].join(' och ');
    lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}> (${roles}): ${n.text}`);
    for (const a of n.actions) lines.push(`      ${a.planKey ?? ''} ${a.title} — ${a.days} dagar${a.role === 'manager' && a.ownerUpn ? `, ansvarig ${a.ownerUpn}` : ''}`);
    lines.push(`      länk: ${n.webUrl}`);
    for (const u of n.unrecorded ?? []) lines.push(`      EJ REGISTRERAD (skickas igen nästa körning): ${u}`);
  }
  const failed = result.notifications.filter((n) => n.status === 'failed');
  if (failed.length > 0) {
    lines.push(`Misslyckades (${failed.length}; försöks igen nästa körning):`);
    for (const n of failed) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>: ${n.error ?? ''}`);
  }
  const notSent = result.notifications.filter((n) => n.status === 'not-sent');
  if (notSent.length > 0) lines.push(`Avbruten: ${notSent.length} mottagare återstår (${notSent.map((n) => n.recipient.upn).join(', ')}); nästa körning skickar till dem.`);
  if (result.unresolved.length > 0) {
    lines.push(`Kan inte aviseras (${result.unresolved.length}):`);
    for (const u of result.unresolved) {
      const who = u.role === 'owner' ? `ansvarig ${u.ownerUpn ?? '(saknas)'}` : `chef till ${u.ownerUpn ?? '(ansvarig saknas)'}`;
      lines.push(`  ${who}: ${u.problem} Gäller: ${u.actions.map((a) => `${a.title} (${a.days} dagar)`).join('; ')}`);
    }
  }
  if (result.skipped.length > 0) lines.push(`Redan aviserade, ingen påminnelse än: ${result.skipped.length} åtgärder.`);
  const f = result.figures;
  lines.push(
    `Tider: genomsökning ${f.scan.requests} anrop, ${seconds(f.scan.ms)}; uppslag ${f.resolve.requests} anrop, ${seconds(f.resolve.ms)}; ` +
      `utskick ${f.send.sendRequests} anrop + ${f.send.recordRequests} för registrering, ${seconds(f.send.ms)} (minst ${seconds(f.pacingMinimumMs)} vid 5 per sekund).`,
  );
  return lines;
}
