// aad.manifest.json, the Entra app the toolkit's aadApp/update writes: redirect URIs for exactly
// the hosting origin, the delegated scopes the tab and add-in ask for and no more, the application
// permissions the notify job uses, and no secret. Also that the origin is one origin everywhere.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_SCOPES } from '../../src/auth';
import { GRAPH_APP_ROLES } from '../../src/cli/site-access';
import { GRAPH_APP_ROLE_IDS } from '../../src/emulator/permissions';
import { ROOT, read, steps, teamsappYml } from './deploy-files';

interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}
interface AadManifest {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  spa: { redirectUris: string[] };
  web?: { redirectUris?: string[] };
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: ResourceAccess[] }>;
  [key: string]: unknown;
}

const aad = JSON.parse(read('aad.manifest.json')) as AadManifest;
const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph');
const ofType = (type: ResourceAccess['type']): string[] => (graph?.resourceAccess ?? []).filter((a) => a.type === type).map((a) => a.id);

/**
 * The application permissions of the notify job: the site's lists (Sites.Selected, granted per
 * site with `malkoll grant`), the notifications, the owners' managers, and installing the app for
 * a recipient who lacks it (docs/deploy.md says why each, and why not a narrower one).
 */
const JOB_ROLES = ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All'];

describe('aad.manifest.json', () => {
  it('is in the toolkit’s new (Graph application) format, for this environment’s app', () => {
    // "displayName" is how the toolkit tells the new format from the legacy one.
    expect(aad.displayName).toBe('Målkoll ${{APP_NAME_SUFFIX}}');
    const create = steps(teamsappYml(), 'provision').find((s) => s.uses === 'aadApp/create');
    // aadApp/update renames the app to the manifest's name: the two must agree.
    expect((create?.with as Record<string, unknown>).name).toBe(aad.displayName);
    expect(aad.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(aad.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });

  it('lets sign-in return only to the hosting origin, its redirect bridge and the Teams/Office broker', () => {
    expect(aad.spa.redirectUris).toEqual(['${{TAB_ENDPOINT}}', '${{TAB_ENDPOINT}}/auth-redirect.html', 'brk-multihub://${{TAB_DOMAIN}}']);
    expect(aad.web?.redirectUris ?? []).toEqual([]);
    // The bridge exists and is where the tab and add-in send MSAL's popup.
    expect(existsSync(path.join(ROOT, 'src', 'tab', 'auth-redirect.html'))).toBe(true);
    for (const file of ['src/tab/app.tsx', 'src/addin/services.ts']) expect(read(file)).toContain('${window.location.origin}/auth-redirect.html');
    // The Teams manifest's NAA redirect is the same broker URI.
    const teams = JSON.parse(read('manifest/teams/manifest.json')) as { webApplicationInfo: { nestedAppAuthInfo: Array<{ redirectUri: string }> } };
    expect(teams.webApplicationInfo.nestedAppAuthInfo[0]?.redirectUri).toBe('brk-multihub://${{TAB_DOMAIN}}');
  });

  it('has the same origin as the hosting: TAB_ENDPOINT is https:// and TAB_DOMAIN', () => {
    const bicep = read('infra/azure.bicep');
    const domain = /output TAB_DOMAIN string = (.+)$/m.exec(bicep)?.[1];
    const endpoint = /output TAB_ENDPOINT string = (.+)$/m.exec(bicep)?.[1];
    expect(endpoint).toBe(`'https://\${${domain ?? '?'}}'`);
  });

  it('asks for the delegated scopes the tab and add-in use, and no more', () => {
    expect(ofType('Scope').sort()).toEqual([...GRAPH_SCOPES].sort());
    const teams = JSON.parse(read('manifest/teams/manifest.json')) as { webApplicationInfo: { nestedAppAuthInfo: Array<{ scopes: string[] }> } };
    // Teams prefetches the NAA token for these scopes, in the order the app asks for them.
    expect(teams.webApplicationInfo.nestedAppAuthInfo[0]?.scopes).toEqual([...GRAPH_SCOPES]);
  });

  it('asks for the notify job’s application permissions, none wider than they must be', () => {
    expect(ofType('Role').sort()).toEqual([...JOB_ROLES].sort());
    for (const wide of ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Directory.Read.All', 'Application.ReadWrite.All']) expect(ofType('Role')).not.toContain(wide);
    expect(aad.requiredResourceAccess).toHaveLength(1);
  });

  it('names roles malkoll doctor can recognise, with the ids the emulator gives them', () => {
    for (const role of JOB_ROLES) expect({ role, id: GRAPH_APP_ROLES[role] }).toEqual({ role, id: GRAPH_APP_ROLE_IDS[role] });
    for (const [role, id] of Object.entries(GRAPH_APP_ROLES)) expect({ role, id }).toEqual({ role, id: GRAPH_APP_ROLE_IDS[role] });
  });

  it('carries no secret and no certificate: the job proves itself with a federated credential', () => {
    expect(aad).not.toHaveProperty('passwordCredentials');
    expect(aad).not.toHaveProperty('keyCredentials');
    const create = steps(teamsappYml(), 'provision').find((s) => s.uses === 'aadApp/create');
    expect((create?.with as Record<string, unknown>).generateClientSecret).toBe(false);
    expect(create?.writeToEnvironmentFile).not.toHaveProperty('clientSecret');
  });
});
