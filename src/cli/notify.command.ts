// `malkoll notify`: one run of the notify job from the command line; with --dry-run it only prints
// who would get what. Locally the emulator records the notifications (GET /_dev/activity).
import { localTeamsManifest } from './app-manifests';
import { FEDERATED_ENV } from '../auth/app-only-token-source';
import { NOTIFY_ENV, NotifySettingsError, formatRunResult, notifySettings, runNotify, systemicFailure, todayIn } from '../jobs/notify';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { texts } from './texts';

/** Deep links of a local run when no app id is configured: never opened by Teams, but well formed. */
export const LOCAL_TEAMS_APP_ID = '00000000-0000-0000-0000-00000000c0de';

/** The Teams app id locally: the manifest's own id (filled from env/.env.local) when the project has one. */
export function localAppId(cwd: string): string {
  try {
    const id = localTeamsManifest(cwd).id;
    return typeof id === 'string' && id !== '' ? id : LOCAL_TEAMS_APP_ID;
  } catch {
    return LOCAL_TEAMS_APP_ID;
  }
}

/**
 * The app the job signs in as locally: the manifest's webApplicationInfo.id (or MALKOLL_APP_CLIENT_ID),
 * which `malkoll start` registers, since Teams takes notifications only from that app.
 */
export function localJobApp(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    return env[FEDERATED_ENV.appClientId]?.trim() || localTeamsManifest(cwd).webApplicationInfo?.id;
  } catch {
    return undefined;
  }
}

export const notifyCommand: Command = {
  name: 'notify',
  usage: 'malkoll notify [--as-of ÅÅÅÅ-MM-DD] [--dry-run] [--app-id ID] [--graph-url URL] [--site REF]',
  summary: 'Aviserar försenade åtgärder i Teams: en avisering per mottagare (ansvarig, efter en vecka även chefen).',
  help: [
    '  --as-of DATUM     dagen körningen avser (standard: i dag, svensk tid)',
    '  --dry-run         visar vem som skulle få vad; skickar och skriver inget',
    `  --app-id ID       Teams-appens id i djuplänkarna (standard: ${NOTIFY_ENV.teamsAppId}; lokalt manifestets id)`,
    `  Miljö: ${NOTIFY_ENV.escalationDays} (7), ${NOTIFY_ENV.reminderDays} (7), ${NOTIFY_ENV.sendsPerSecond} (5)`,
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean' }, 'app-id': { type: 'string' } } });
    const asOf = values['as-of'] ?? todayIn();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of: "${asOf}" är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-01-12.`);
    const target = graphTarget(values, io.env);
    const appId = values['app-id'] ?? io.env[NOTIFY_ENV.teamsAppId] ?? (target.local ? localAppId(io.cwd) : undefined);
    let settings;
    try {
      settings = notifySettings(io.env, appId ? { teamsAppId: appId } : {});
    } catch (error) {
      if (error instanceof NotifySettingsError) throw new UsageError(error.message);
      throw error;
    }
    const session = await openGraphSession(target, io.env, undefined, { localAppId: target.local ? localJobApp(io.cwd, io.env) : undefined });
    const result = await runNotify(await session.store(), { asOf, settings, dryRun: values['dry-run'] === true });
    io.out.write(`${formatRunResult(result).join('\n')}\n`);
    if (target.local && !result.dryRun && result.notifications.some((n) => n.status === 'sent')) io.out.write(`${texts.notify.activity(target.origin ?? '')}\n`);
    // Only what no single recipient explains fails the run (formatRunResult has said what it was).
    return systemicFailure(result) ? EXIT.failed : EXIT.ok;
  },
};
