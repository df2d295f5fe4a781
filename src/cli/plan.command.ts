// `malkoll plan adopt|archive --plan RS:2025 [--av UPN]`: a plan's status utkast → fastställd →
// arkiverad, recorded with who and when. Adopted, it shows in its owners' Att göra; archived, it is
// chased by no reminder and edited no more.
import { PlanNotFoundError, changeStatusOfPlan } from '../store';
import type { PlanStatusResult } from '../store';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { CLI_ACTOR, swedishTime } from './period.command';
import { PLAN_COPY_FLAGS, PLAN_COPY_HELP, runPlanCopy } from './plan-copy.command';
import { planNotFound } from './plans.command';

const SUBCOMMANDS = { adopt: 'adopt', archive: 'archive', copy: 'copy' } as const;

export const planCommand: Command = {
  name: 'plan',
  usage: 'malkoll plan adopt|archive|copy --plan ORG:ÅR [--to ÅR] [--av UPN] [--graph-url URL] [--site REF]',
  summary:
    'Fastställer ett planutkast (då syns det i Att göra) eller arkiverar en fastställd plan (då påminns ingen om den och den kan inte längre ändras); ' +
    'copy kopierar planen till nästa år som utkast.',
  help: [
    '  adopt             fastställer planen: utkast → fastställd',
    '  archive           arkiverar planen: fastställd → arkiverad',
    ...PLAN_COPY_HELP,
    '  --plan ORG:ÅR     planen, till exempel RS:2025',
    `  --av UPN          vem som fastställer eller arkiverar, till exempel elin.strom@region.example (annars "${CLI_ACTOR}")`,
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parse({ args: [...args], options: { ...GRAPH_FLAGS, ...PLAN_COPY_FLAGS, plan: { type: 'string' }, av: { type: 'string' } }, allowPositionals: true });
    const [action, ...extra] = positionals;
    if (!action || extra.length > 0 || !Object.hasOwn(SUBCOMMANDS, action)) {
      throw new UsageError(`Ange adopt, archive eller copy: malkoll plan adopt --plan RS:2025${action && extra.length === 0 ? `; "${action}" känns inte igen` : ''}.`);
    }
    if (action === 'copy') return runPlanCopy(values, values.av ?? CLI_ACTOR, io);
    const change = SUBCOMMANDS[action as 'adopt' | 'archive'];
    if (!values.plan || !/^[^:]+:\d{4}$/.test(values.plan)) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
    const key = values.plan;
    const actor = values.av ?? CLI_ACTOR;
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    let result: PlanStatusResult;
    try {
      result = await changeStatusOfPlan(store, { planKey: key, change }, actor);
    } catch (error) {
      if (!(error instanceof PlanNotFoundError)) throw error;
      io.err.write(`${await planNotFound(store, key, session.target.site)}\n`);
      return EXIT.failed;
    }
    switch (result.status) {
      case 'refused':
        io.err.write(`${result.refusal.message} Inget ändrades.\n`);
        return EXIT.failed;
      case 'conflict':
        io.err.write(`Någon ändrade planen ${key} medan kommandot körde; inget skrevs. Kör kommandot igen.\n`);
        return EXIT.failed;
      case 'saved': {
        const plan = result.saved;
        const when = (at: string | undefined) => (at ? ` ${swedishTime(at)}` : '');
        io.out.write(
          change === 'adopt'
            ? `Planen ${key} är fastställd${when(plan.adoptedAt)} av ${actor}; den syns nu i Att göra för dem som äger något i den.\n`
            : `Planen ${key} är arkiverad${when(plan.archivedAt)} av ${actor}; ingen påminns om dess åtgärder längre, och planen kan inte ändras.\n`,
        );
        return EXIT.ok;
      }
    }
  },
};
