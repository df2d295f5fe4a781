// `malkoll plans`: the plans on the site, by the key the other commands take (`--plan RS:2025`);
// and the same list when a command is given a plan that does not exist.
import { PLAN_STATUS, planKey } from '../core';
import type { FollowUpStore } from '../store';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, graphTarget, parse } from './options';
import { texts } from './texts';

export const plansCommand: Command = {
  name: 'plans',
  usage: 'malkoll plans [--graph-url URL] [--site REF]',
  summary: 'Visar planerna på webbplatsen: nyckeln som --plan tar, status och namn.',
  help: GRAPH_FLAGS_HELP,
  async run(args, io) {
    const { values } = parse({ args: [...args], options: GRAPH_FLAGS });
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const plans = await (await session.store()).listPlans();
    if (plans.length === 0) {
      io.out.write(`${texts.plans.none(session.target.site)}\n`);
      return EXIT.ok;
    }
    const rows = plans.map((p) => ({ key: planKey(p.organisationCode, p.year), status: PLAN_STATUS[p.status]?.sv ?? p.status, title: p.title }));
    const keyWidth = Math.max(...rows.map((r) => r.key.length));
    const statusWidth = Math.max(...rows.map((r) => r.status.length));
    io.out.write(`${texts.plans.heading(session.target.site, rows.length)}\n`);
    for (const r of rows) io.out.write(`  ${r.key.padEnd(keyWidth)}  ${r.status.padEnd(statusWidth)}  ${r.title}\n`);
    return EXIT.ok;
  },
};

/** "The plan does not exist", with the keys of those that do. */
export async function planNotFound(store: FollowUpStore, key: string, site: string): Promise<string> {
  const keys = (await store.listPlans()).map((p) => planKey(p.organisationCode, p.year));
  return `${texts.plans.notFound(key, site)} ${keys.length > 0 ? texts.plans.existing(keys) : texts.plans.noneExisting}`;
}
