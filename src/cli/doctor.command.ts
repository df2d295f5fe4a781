// `malkoll doctor`: checks a tenant's configuration end to end and says, in Swedish, what is wrong
// and how to fix it. Run by an administrator (the identity needs Sites.FullControl.All to read the
// site's permissions and Application.Read.All to read the app's consented permissions); the app
// it checks is the Målkoll app registration the tab, the add-in and the notify job sign in as.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GraphClient } from '../graph';
import { provision } from '../lists';
import type { Command, CommandIo } from './commands';
import { EXIT } from './commands';
import { LOCAL_ENV_FILE, readEnvFile, teamsManifest } from './app-manifests';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import type { Site } from './site-access';
import { texts } from './texts';
import { GUID, consentedGraphRoles, getSite, permissionFor, roleRank, statusOf, strongestRole } from './site-access';

export interface CheckResult {
  readonly title: string;
  readonly ok: boolean;
  /** What was found: the detail of a pass, or what is wrong. */
  readonly lines: readonly string[];
  /** How to fix it, when it failed. */
  readonly fix?: string;
}

const SITE_WIDE_ROLES = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];

/** A client whose writes are recorded, not sent: provisioning's own rules, as a dry run. */
function dryRun(client: GraphClient): GraphClient {
  let n = 0;
  const planned = async <T>(): Promise<{ body: T }> => ({ body: { id: `planerad-${(n += 1)}` } as T });
  return { ...client, post: planned, patch: planned, delete: async () => undefined };
}

/** provision's report of a dry run, said as what is missing rather than what was made. */
function missing(change: string): string {
  return change
    .replace(/^Skapade listan (.+?) med \d+ kolumner$/, 'listan $1 saknas')
    .replace(/^Skapade kolumnen (.+)$/, 'kolumnen $1 saknas')
    .replace(/^Ändrade kolumnen (.+): (.+)$/, 'kolumnen $1 saknar $2');
}

async function checkSite(client: GraphClient, siteRef: string): Promise<{ result: CheckResult; site?: Site }> {
  const title = 'Webbplatsen nås';
  try {
    const site = await getSite(client, siteRef);
    return { result: { title, ok: true, lines: [`${site.displayName ?? siteRef} (${site.webUrl ?? site.id})`] }, site };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) return { result: { title, ok: false, lines: [`Webbplatsen ${siteRef} finns inte.`], fix: 'Kontrollera --site (eller MALKOLL_SITE): värdnamn:/sökväg, till exempel contoso.sharepoint.com:/sites/malkoll. Skapa webbplatsen i SharePoint om den saknas.' } };
    if (status === 401 || status === 403) return { result: { title, ok: false, lines: [`Identiteten som kör doctor får inte läsa ${siteRef} (svar ${status}).`], fix: 'Kör doctor som en administratörsapp med Sites.FullControl.All och Application.Read.All (programbehörigheter med administratörsmedgivande).' } };
    throw error;
  }
}

async function checkLists(client: GraphClient, siteRef: string): Promise<CheckResult> {
  const title = 'Listorna är etablerade utan avvikelser';
  const report = await provision(dryRun(client), siteRef, { verify: false });
  const lines = [...report.changes.map(missing), ...report.drift];
  if (lines.length === 0) return { title, ok: true, lines: ['alla listor och kolumner finns, med index och unika nycklar'] };
  const fixes = [
    ...(report.changes.length > 0 ? [`Kör malkoll provision --site ${siteRef} (med en identitet som har manage på webbplatsen).`] : []),
    ...(report.drift.length > 0 ? ['Avvikelserna rättas inte automatiskt: ändra kolumnerna för hand i SharePoint.'] : []),
  ];
  return { title, ok: false, lines, fix: fixes.join(' ') };
}

async function checkRole(client: GraphClient, site: Site, siteRef: string, appId: string, consented: readonly string[] | undefined): Promise<CheckResult> {
  const title = 'Appen har sin roll på webbplatsen';
  const grant = `malkoll grant --site ${siteRef} --app ${appId} --role write`;
  if (consented && !consented.includes('Sites.Selected') && !consented.some((r) => SITE_WIDE_ROLES.includes(r))) {
    return { title, ok: false, lines: ['Appen saknar programbehörigheten Sites.Selected: en roll på webbplatsen verkar inte utan den.'], fix: 'Ge administratörsmedgivande i Entra (Appregistreringar → Målkoll → API-behörigheter → Bevilja administratörsmedgivande), eller kör atk provision igen.' };
  }
  try {
    const permission = await permissionFor(client, site.id, appId);
    const role = permission ? strongestRole(permission.roles) : undefined;
    if (!role) return { title, ok: false, lines: [`Appen ${appId} har ingen behörighet på webbplatsen.`], fix: `Kör: ${grant}` };
    if (roleRank(role) < roleRank('write')) return { title, ok: false, lines: [`Appen ${appId} har bara ${role} på webbplatsen; jobbet och fliken skriver listobjekt.`], fix: `Kör: ${grant}` };
    return { title, ok: true, lines: [`${role}`] };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { title, ok: false, lines: ['Webbplatsens behörigheter kunde inte läsas.'], fix: 'Kör doctor som en administratörsapp med Sites.FullControl.All (det enda Graph godtar för /sites/{id}/permissions).' };
    throw error;
  }
}

function checkSend(appId: string, consented: readonly string[] | undefined, readError: number | undefined): CheckResult {
  const title = 'Jobbets token kan skicka aktivitetsaviseringar';
  if (readError !== undefined) return { title, ok: false, lines: [`Appens tjänsthuvudnamn kunde inte läsas (svar ${readError}).`], fix: 'Kör doctor som en administratörsapp med Application.Read.All.' };
  if (consented === undefined) return { title, ok: false, lines: [`Appen ${appId} finns inte i klientorganisationen (inget tjänsthuvudnamn): ingen har godkänt den här.`], fix: 'Kontrollera --app, kör atk provision, och ge administratörsmedgivande i Entra (Appregistreringar → Målkoll → API-behörigheter).' };
  if (!consented.includes('TeamsActivity.Send')) return { title, ok: false, lines: ['Appen saknar programbehörigheten TeamsActivity.Send: jobbets token får inte skicka aviseringar.'], fix: 'Ge administratörsmedgivande för TeamsActivity.Send (Microsoft Graph, programbehörighet) i Entra.' };
  return { title, ok: true, lines: [`programbehörigheter: ${[...consented].sort().join(', ')}`] };
}

function checkManifest(io: CommandIo, envFile: string, appId: string): CheckResult {
  const title = 'Manifestets id:n stämmer med Entra-appen';
  let manifest;
  try {
    manifest = teamsManifest(io.cwd, readEnvFile(io.cwd, envFile));
  } catch (error) {
    return { title, ok: false, lines: [error instanceof Error ? error.message : String(error)], fix: `Kör atk provision, som fyller ${envFile}.` };
  }
  const info = manifest.webApplicationInfo;
  const problems: string[] = [];
  if (info?.id?.toLowerCase() !== appId.toLowerCase()) problems.push(`webApplicationInfo.id är ${info?.id ?? '(saknas)'} men appen är ${appId}: Teams tar bara emot aviseringar från appen i manifestet, och fliken loggar in med den.`);
  if (info?.resource !== undefined && !info.resource.endsWith(appId)) problems.push(`webApplicationInfo.resource (${info.resource}) pekar på en annan app.`);
  if (problems.length > 0) return { title, ok: false, lines: problems, fix: `Rätta AAD_APP_CLIENT_ID i ${envFile} (eller --app) så att båda är samma app, och kör atk provision igen.` };
  return { title, ok: true, lines: [`Teams-app ${manifest.id}, Entra-app ${appId}`] };
}

function print(io: CommandIo, results: readonly CheckResult[]): void {
  for (const r of results) {
    io.out.write(`  ${r.ok ? '✓' : '✗'} ${r.title}${r.ok && r.lines[0] ? `: ${r.lines[0]}` : ''}\n`);
    if (!r.ok) {
      for (const line of r.lines) io.out.write(`      ${line}\n`);
      if (r.fix) io.out.write(`      Åtgärd: ${r.fix}\n`);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  io.out.write(passed === results.length ? `Allt stämmer (${passed} av ${results.length} kontroller).\n` : `${results.length - passed} av ${results.length} kontroller visar fel.\n`);
}

export const doctorCommand: Command = {
  name: 'doctor',
  usage: 'malkoll doctor [--app KLIENT-ID] [--env-file FIL] [--graph-url URL] [--site REF]',
  summary: 'Kontrollerar en klientorganisations konfiguration från början till slut och säger vad som är fel och hur det rättas.',
  help: [
    '  --app KLIENT-ID   Målkoll-appens klient-id (standard: AAD_APP_CLIENT_ID i env-filen)',
    `  --env-file FIL    miljön manifestet fylls från (standard: env/.env.dev; lokalt ${LOCAL_ENV_FILE})`,
    '  Kontrollerar: webbplatsen nås; listorna finns utan avvikelser; appen har write på webbplatsen;',
    '  appen har TeamsActivity.Send; manifestets webApplicationInfo.id är appen.',
    '  Körs av en administratör: identiteten behöver Sites.FullControl.All och Application.Read.All.',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, app: { type: 'string' }, 'env-file': { type: 'string' } } });
    const target = graphTarget(values, io.env);
    const envFile = values['env-file'] ?? (target.local ? LOCAL_ENV_FILE : 'env/.env.dev');
    if (values.app === undefined && !existsSync(path.resolve(io.cwd, envFile))) throw new UsageError(texts.files.envFileMissing(envFile));
    const appId = (values.app ?? readEnvFile(io.cwd, envFile).AAD_APP_CLIENT_ID ?? '').trim();
    if (!GUID.test(appId)) throw new UsageError(`--app: ange Målkoll-appens klient-id (ett GUID)${appId ? `, inte "${appId}"` : `; ${envFile} har inget AAD_APP_CLIENT_ID`}.`);
    const { client } = await openGraphSession(target, io.env);

    io.out.write(`Kontrollerar Målkoll på ${target.site} för appen ${appId}:\n`);
    const results: CheckResult[] = [];
    const { result: siteResult, site } = await checkSite(client, target.site);
    results.push(siteResult);
    let consented: string[] | undefined;
    let readError: number | undefined;
    try {
      consented = await consentedGraphRoles(client, appId);
    } catch (error) {
      readError = statusOf(error);
      if (readError === undefined) throw error;
    }
    if (site) {
      results.push(await checkLists(client, target.site));
      results.push(await checkRole(client, site, target.site, appId, consented));
    } else {
      for (const title of ['Listorna är etablerade utan avvikelser', 'Appen har sin roll på webbplatsen']) results.push({ title, ok: false, lines: ['hoppades över: webbplatsen nås inte'] });
    }
    results.push(checkSend(appId, consented, readError));
    results.push(checkManifest(io, envFile, appId));
    print(io, results);
    return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
  },
};
