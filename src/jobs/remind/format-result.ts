// A remind run's result as plain Swedish lines: for the command line and the function's log.
import { runFigureLines } from '../notify/format-result';
import { itemsText } from './message';
import type { RemindRunResult } from './result';

const ROLE = { reporter: 'rapporterar', manager: 'chef' } as const;

function occasionText(occasion: string): string {
  if (occasion.startsWith('before-')) return `${occasion.slice('before-'.length)} dagar före sista dagen`;
  if (occasion.startsWith('late-')) return 'efter sista dagen';
  return 'till cheferna';
}

export function formatRemindResult(result: RemindRunResult): string[] {
  if (result.busy !== undefined) return [result.busy];
  const lines: string[] = [];
  const dryRunNote = result.dryRun ? ' (Provkörning: inget skickas eller skrivs.)' : '';
  if (result.periods.length === 0) lines.push(`Ingen period att påminna om per ${result.asOf} (${result.plans} fastställda planer).${dryRunNote}`);
  else {
    lines.push(`Perioder att påminna om per ${result.asOf}:${dryRunNote}`);
    for (const p of result.periods) {
      const when = [p.reporterOccasion, p.managerOccasion].filter((o): o is string => o !== undefined).map(occasionText).join(' och ');
      lines.push(`  ${p.planKey} ${p.periodKey}, sista dag ${p.deadline} (${when}): ${p.unfinished} av ${p.items} inte klara`);
    }
  }
  for (const l of result.lockedPeriods) lines.push(`  ${l.planKey} ${l.periodKey}: ingen påminnelse, ${l.reason.charAt(0).toLowerCase()}${l.reason.slice(1)}`);
  const verb = result.dryRun ? 'Skulle påminna' : 'Påmint';
  const sent = result.notifications.filter((n) => n.status === 'sent' || n.status === 'would-send');
  if (sent.length > 0) lines.push(`${verb} ${sent.length} personer:`);
  else if (result.periods.length > 0) lines.push(result.dryRun ? 'Ingen skulle påminnas i den här körningen.' : 'Ingen påmindes i den här körningen.');
  for (const n of sent) {
    const roles = [...new Set(n.parts.map((p) => ROLE[p.role]))].join(' och ');
    lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}> (${roles}${n.installed ? '; appen installerades för mottagaren' : ''}): ${n.text}`);
    for (const p of n.parts) {
      const whose = p.role === 'manager' ? `, hos ${[...new Set(p.items.map((i) => i.ownerName ?? i.ownerUpn ?? '?'))].join(', ')}` : '';
      lines.push(`      ${p.planKey} ${p.periodKey}: ${itemsText(p.items.length)}${whose}`);
    }
    lines.push(`      länk: ${n.webUrl}`);
    for (const u of n.unrecorded ?? []) lines.push(`      EJ MARKERAD SOM SKICKAD (skickas inte igen): ${u}`);
  }
  const listed = (status: string, heading: string): void => {
    const these = result.notifications.filter((n) => n.status === status);
    if (these.length === 0) return;
    lines.push(heading.replace('{n}', String(these.length)));
    for (const n of these) lines.push(`  ${n.recipient.displayName} <${n.recipient.upn}>: ${n.error ?? ''}`);
  };
  listed('sent-earlier', 'Skickade av en annan körning under tiden ({n}; skickas inte igen):');
  listed('in-doubt', 'Kanske redan påminda ({n}; skickas inte igen):');
  listed('failed', 'Misslyckades ({n}; försöks igen nästa körning):');
  listed('unreached', 'Når inte ({n}; Teams-appen saknas, försöks igen nästa körning):');
  const notSent = result.notifications.filter((n) => n.status === 'not-sent');
  if (result.stopped !== undefined) lines.push(result.stopped);
  if (notSent.length > 0) lines.push(`Avbruten: ${notSent.length} personer återstår (${notSent.map((n) => n.recipient.upn).join(', ')}); nästa körning påminner dem.`);
  if (result.unresolved.length > 0) {
    lines.push(`Kan inte påminnas (${result.unresolved.length}):`);
    for (const u of result.unresolved) {
      const who = u.role === 'reporter' ? (u.ownerUpn ? `ansvarig ${u.ownerUpn}` : 'utan ansvarig') : `chef till ${u.ownerUpn ?? '(ansvarig saknas)'}`;
      lines.push(`  ${who} i ${u.planKey} ${u.periodKey}: ${u.problem} Gäller ${itemsText(u.items)}.`);
    }
  }
  const already = result.skipped.filter((s) => s.why === 'sent').length;
  const doubt = result.skipped.filter((s) => s.why === 'in-doubt').length;
  if (already > 0) lines.push(`Redan påminda för det här tillfället: ${already}.`);
  if (doubt > 0) lines.push(`Kanske redan påminda (en tidigare körning avbröts mitt i utskicket; skickas inte igen): ${doubt}.`);
  return [...lines, ...runFigureLines(result)];
}
