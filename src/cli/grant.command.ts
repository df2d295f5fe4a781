// `malkoll grant`: gives the Målkoll app its role on the site with the lists (Sites.Selected).
// Run once per site by an administrator whose identity holds Sites.FullControl.All: the only
// permission Graph accepts for POST /sites/{id}/permissions. Idempotent: an equal or stronger
// role is left as it is, a weaker one is raised, nothing is ever lowered.
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { GUID, getSite, permissionFor, roleRank, statusOf, strongestRole } from './site-access';

const GRANTABLE = ['write', 'manage'] as const;
type Grantable = (typeof GRANTABLE)[number];

export const grantCommand: Command = {
  name: 'grant',
  usage: 'malkoll grant --site REF --app KLIENT-ID --role write|manage [--name NAMN] [--graph-url URL]',
  summary: 'Ger appen en roll på webbplatsen (Sites.Selected): write för jobbet och appen, manage för den som etablerar listorna.',
  help: [
    '  --app KLIENT-ID   Entra-appens klient-id (AAD_APP_CLIENT_ID i env/.env.dev)',
    '  --role ROLL       write (listobjekt) eller manage (även listor och kolumner: malkoll provision)',
    '  --name NAMN       appens namn i behörigheten (standard: Målkoll)',
    '  Körs av en administratör: identiteten behöver programbehörigheten Sites.FullControl.All.',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, app: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
    const appId = values.app?.trim() ?? '';
    if (!GUID.test(appId)) throw new UsageError(`--app: ange appens klient-id (ett GUID), inte "${appId}". Det står som AAD_APP_CLIENT_ID i env/.env.dev efter atk provision.`);
    const role = values.role;
    if (!GRANTABLE.includes(role as Grantable)) throw new UsageError(`--role: write eller manage, inte "${role ?? ''}".`);
    if (values.site === undefined && io.env.MALKOLL_SITE === undefined) throw new UsageError('--site: ange webbplatsen med listorna, till exempel contoso.sharepoint.com:/sites/malkoll.');
    const target = graphTarget(values, io.env);
    const { client } = await openGraphSession(target, io.env);

    let siteId: string;
    try {
      siteId = (await getSite(client, target.site)).id;
    } catch (error) {
      if (statusOf(error) === 404) {
        io.err.write(`Webbplatsen ${target.site} finns inte. Kontrollera --site (värdnamn:/sökväg).\n`);
        return EXIT.failed;
      }
      throw error;
    }

    try {
      const existing = await permissionFor(client, siteId, appId);
      const current = existing ? strongestRole(existing.roles) : undefined;
      if (existing && current && roleRank(current) >= roleRank(role as Grantable)) {
        io.out.write(`Appen ${appId} har redan ${current} på ${target.site}; inget ändrat.\n`);
        return EXIT.ok;
      }
      if (existing) {
        await client.patch(`/sites/${siteId}/permissions/${existing.id}`, { roles: [role] });
        io.out.write(`Appen ${appId} har nu ${role} på ${target.site} (hade ${current ?? 'ingen roll'}).\n`);
        return EXIT.ok;
      }
      // Graph has refused manage and fullcontrol on create; a write grant raised by PATCH is the
      // route the SharePoint tools take (docs/deploy.md).
      const { body: created } = await client.post<{ id: string }>(`/sites/${siteId}/permissions`, {
        roles: ['write'],
        grantedToIdentities: [{ application: { id: appId, displayName: values.name ?? 'Målkoll' } }],
      });
      if (role === 'manage') await client.patch(`/sites/${siteId}/permissions/${created.id}`, { roles: ['manage'] });
      io.out.write(`Appen ${appId} har nu ${role} på ${target.site}.\n`);
      return EXIT.ok;
    } catch (error) {
      if (statusOf(error) === 403 || statusOf(error) === 401) {
        io.err.write(
          `Behörigheten kunde inte ges: identiteten som kör malkoll grant saknar Sites.FullControl.All (programbehörighet med administratörsmedgivande). ` +
            `Kör kommandot som en administratörsapp med den behörigheten (se docs/deploy.md).\n`,
        );
        return EXIT.failed;
      }
      throw error;
    }
  },
};
