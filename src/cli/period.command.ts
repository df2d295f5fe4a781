// `malkoll period lock|unlock --plan RS:2025 --period 2025-annual [--force]`: a plan's period
// locked (read-only in every surface, through the rules) or opened again. Locking is refused,
// naming them, while items of the period are not approved, unless --force.
import type { RoundItem } from '../core';
import { periodLabel, roundItemName } from '../core';
import { lockPeriod, unlockPeriod } from '../store';
import type { LockResult } from '../store';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { checkPlanAndPeriod, displayNames, loadPlanWithPeriod } from './round-options';

/** Who the lock names when --av is not given: the command line's app identity has no UPN. */
export const CLI_ACTOR = 'kommandoraden';

const SUBCOMMANDS = ['lock', 'unlock'] as const;

export const periodCommand: Command = {
  name: 'period',
  usage: 'malkoll period lock|unlock --plan ORG:ÅR --period PERIOD [--force] [--av UPN] [--graph-url URL] [--site REF]',
  summary: 'Låser en plans period (skrivskyddad överallt) eller låser upp den. Låsningen vägras så länge poster inte är godkända, om inte --force anges.',
  help: [
    '  lock              låser perioden för planen',
    '  unlock            låser upp perioden för planen',
    '  --plan ORG:ÅR     planen, till exempel RS:2025',
    '  --period PERIOD   perioden, till exempel 2025-annual',
    '  --force           låser även om poster inte är godkända (de listas)',
    `  --av UPN          vem som låser, till exempel elin.strom@region.example (annars "${CLI_ACTOR}")`,
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parse({
      args: [...args],
      options: { ...GRAPH_FLAGS, plan: { type: 'string' }, period: { type: 'string' }, force: { type: 'boolean' }, av: { type: 'string' } },
      allowPositionals: true,
    });
    const [action, ...extra] = positionals;
    if (!action || extra.length > 0 || !(SUBCOMMANDS as readonly string[]).includes(action)) {
      throw new UsageError(`Ange lock eller unlock: malkoll period lock --plan RS:2025 --period 2025-annual${action && extra.length === 0 ? `; "${action}" känns inte igen` : ''}.`);
    }
    const { plan: key, period } = checkPlanAndPeriod(values);
    if (action === 'unlock' && values.force) throw new UsageError('--force gäller bara lock.');
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    const loaded = await loadPlanWithPeriod(store, key, period, session.target.site);
    if ('problem' in loaded) {
      io.err.write(`${loaded.problem}\n`);
      return EXIT.failed;
    }
    const label = `${periodLabel(period)} för ${key}`;
    const result: LockResult = action === 'lock' ? await lockPeriod(store, loaded.plan, period, { byUpn: values.av ?? CLI_ACTOR, force: values.force === true }) : await unlockPeriod(store, loaded.plan, period);
    switch (result.status) {
      case 'unchanged':
        io.out.write(action === 'lock' ? `${label} är redan låst; inget ändrades.\n` : `${label} är inte låst; inget ändrades.\n`);
        return EXIT.ok;
      case 'conflict':
        io.err.write(`Någon ändrade periodens lås för ${key} medan kommandot körde; inget skrevs. Kör kommandot igen.\n`);
        return EXIT.failed;
      case 'refused': {
        const names = await displayNames(store, (result.refusal.items ?? []).map((i) => i.ownerUpn));
        io.err.write(`${result.refusal.message}\n`);
        if (result.refusal.items && result.refusal.items.length > 0) {
          io.err.write('Inte godkända:\n');
          for (const item of result.refusal.items) io.err.write(`  ${itemLine(item, names)}\n`);
          io.err.write(`Godkänn dem, eller lås ändå med malkoll period lock --plan ${key} --period ${period} --force.\n`);
        }
        return EXIT.failed;
      }
      case 'saved': {
        if (action === 'unlock') {
          io.out.write(`${label} är upplåst; posterna går att ändra igen.\n`);
          return EXIT.ok;
        }
        io.out.write(`${label} är låst${result.saved.lockedAt ? ` ${swedishTime(result.saved.lockedAt)}` : ''} av ${values.av ?? CLI_ACTOR}; perioden är skrivskyddad i fliken, i Excel och här.\n`);
        if (result.notApproved.length > 0) io.err.write(`Obs: låst med --force trots ${result.notApproved.length} ${result.notApproved.length === 1 ? 'post' : 'poster'} som inte är godkända.\n`);
        return EXIT.ok;
      }
    }
  },
};

/** "2026-02-03 15:00", Swedish time. */
export function swedishTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function itemLine(item: RoundItem, names: (upn: string | undefined) => string): string {
  return `${roundItemName(item)} — ${names(item.ownerUpn)}`;
}
