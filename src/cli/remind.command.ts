// `malkoll remind`: one run of the remind job from the command line; with --dry-run it only prints
// who would be reminded of what. Locally the emulator records the notifications (GET /_dev/activity).
import { NOTIFY_ENV, NotifySettingsError, todayIn } from '../jobs/notify';
import { REMIND_ENV, formatRemindResult, remindSettings, runRemind, systemicFailure } from '../jobs/remind';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { localAppId, localJobApp } from './notify.command';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { texts } from './texts';

export const remindCommand: Command = {
  name: 'remind',
  usage: 'malkoll remind [--as-of ÅÅÅÅ-MM-DD] [--dry-run] [--app-id ID] [--graph-url URL] [--site REF]',
  summary: 'Påminner i Teams om uppföljningar som inte är klara, före och efter planens sista dag.',
  help: [
    '  --as-of DATUM     dagen körningen avser (standard: i dag, svensk tid)',
    '  --dry-run         visar vem som skulle påminnas om vad; skickar och skriver inget',
    `  --app-id ID       Teams-appens id i djuplänkarna (standard: ${NOTIFY_ENV.teamsAppId}; lokalt manifestets id)`,
    `  Miljö: ${REMIND_ENV.beforeDays} (7,1), ${REMIND_ENV.afterDays} (7),`,
    `         ${REMIND_ENV.escalationDays} (7), ${NOTIFY_ENV.sendsPerSecond} (5)`,
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean' }, 'app-id': { type: 'string' } } });
    const asOf = values['as-of'] ?? todayIn();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of: "${asOf}" är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-01-24.`);
    const target = graphTarget(values, io.env);
    const appId = values['app-id'] ?? io.env[NOTIFY_ENV.teamsAppId] ?? (target.local ? localAppId(io.cwd) : undefined);
    let settings;
    try {
      settings = remindSettings(io.env, appId ? { teamsAppId: appId } : {});
    } catch (error) {
      if (error instanceof NotifySettingsError) throw new UsageError(error.message);
      throw error;
    }
    const session = await openGraphSession(target, io.env, undefined, { localAppId: target.local ? localJobApp(io.cwd, io.env) : undefined });
    const result = await runRemind(await session.store(), { asOf, settings, dryRun: values['dry-run'] === true });
    io.out.write(`${formatRemindResult(result).join('\n')}\n`);
    if (target.local && !result.dryRun && result.notifications.some((n) => n.status === 'sent')) io.out.write(`${texts.notify.activity(target.origin ?? '')}\n`);
    // Only what no single person explains fails the run (formatRemindResult has said what it was).
    return systemicFailure(result) ? EXIT.failed : EXIT.ok;
  },
};
