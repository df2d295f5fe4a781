// aad.manifest.json, the Entra app the toolkit's aadApp/update writes: redirect URIs for exactly
// the hosting origin, the write API's scope exposed under the app id URI the front ends ask for,
// the delegated scopes the tab and add-in ask for and no more, the application permissions the
// notify job and the API use, and no secret. Also that the origin is one origin everywhere.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { API_SCOPE } from '../../src/api';
import { GRAPH_SCOPES, parseAppConfig } from '../../src/auth';
import { substitute } from '../../src/cli/env-file';
import { GRAPH_APP_ROLES } from '../../src/cli/site-access';
import { apiIdentifierUri, buildTarget, tenantConfig } from '../../src/cli/web-build';
import { GRAPH_APP_ROLE_IDS } from '../../src/emulator/permissions';
import { ROOT, read, steps, teamsappYml } from './deploy-files';

interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}
interface PermissionScope {
  id: string;
  value: string;
  type: 'User' | 'Admin';
  isEnabled: boolean;
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  userConsentDisplayName: string;
  userConsentDescription: string;
}
interface AadManifest {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  identifierUris?: string[];
  api?: {
    requestedAccessTokenVersion?: number;
    oauth2PermissionScopes?: PermissionScope[];
    preAuthorizedApplications?: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
  optionalClaims?: { accessToken?: Array<{ name: string }> };
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

/**
 * The Microsoft 365 hosts the toolkit's SSO templates preauthorise for access_as_user
 * (@microsoft/m365agentstoolkit-cli 1.1.17, templates/plugins/resource/aad/manifest/tab/aad.manifest.template.json;
 * named in learn.microsoft.com/microsoftteams/platform/m365-apps/extend-m365-teams-personal-tab).
 */
const MICROSOFT_365_HOSTS: Readonly<Record<string, string>> = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams web',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Microsoft 365 web',
  '4345a7b9-9a63-4910-a426-35363201d503': 'Microsoft 365 web (Office.com)',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Microsoft 365 desktop',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Outlook desktop, Microsoft 365 mobile',
  '00000002-0000-0ff1-ce00-000000000000': 'Outlook on the web',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook on the web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
};

const PERMISSION_ID = '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}';

/** A deployed environment, as atk provision leaves it. */
const DEPLOYED = buildTarget({
  MALKOLL_WEB_ORIGIN: 'https://gentle-field-0a1b2c3d4.5.azurestaticapps.net',
  API_ENDPOINT: 'https://malkollx7-notify.azurewebsites.net',
  TEAMS_APP_ID: '0f9e8d7c-6b5a-4948-8372-615a4b3c2d1e',
  AAD_APP_CLIENT_ID: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  AAD_APP_OBJECT_ID: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  AAD_APP_TENANT_ID: '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  APP_NAME_SUFFIX: 'dev',
  MALKOLL_SITE: 'contoso.sharepoint.com:/sites/malkoll',
}).values;
const filled = JSON.parse(substitute(read('aad.manifest.json'), DEPLOYED, 'aad.manifest.json')) as AadManifest;

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

  it('asks for the delegated scopes the tab and add-in use, and no more: Graph only reads', () => {
    expect(ofType('Scope').sort()).toEqual([...GRAPH_SCOPES].sort());
    // Saves go through the write API; a person's own Graph token cannot write even where the site would let it.
    for (const write of ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All']) expect(ofType('Scope')).not.toContain(write);
    expect(ofType('Scope')).toContain('Sites.Read.All');
    const teams = JSON.parse(read('manifest/teams/manifest.json')) as { webApplicationInfo: { nestedAppAuthInfo: Array<{ redirectUri: string; scopes: string[] }> } };
    // Teams prefetches one NAA token per entry (one resource each), with the scopes in the order the app asks for them:
    // the Graph token for reads, and the write API's token.
    // The API scope by the client id: Entra gives an app a token for itself only by its GUID (AADSTS90009).
    expect(teams.webApplicationInfo.nestedAppAuthInfo.map((n) => n.scopes)).toEqual([[...GRAPH_SCOPES], [`${aad.appId ?? '?'}/${API_SCOPE}`]]);
    expect(new Set(teams.webApplicationInfo.nestedAppAuthInfo.map((n) => n.redirectUri))).toEqual(new Set(['brk-multihub://${{TAB_DOMAIN}}']));
  });

  it('exposes the write API under the app id URI the front ends ask for, with one user scope', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    // Teams and the Teams admin center know the API by the same URI.
    const teams = JSON.parse(read('manifest/teams/manifest.json')) as { webApplicationInfo: { resource?: string } };
    expect(teams.webApplicationInfo.resource).toBe(aad.identifierUris?.[0]);
    const scopes = aad.api?.oauth2PermissionScopes ?? [];
    expect(scopes.map((s) => ({ id: s.id, value: s.value, type: s.type, isEnabled: s.isEnabled }))).toEqual([{ id: PERMISSION_ID, value: API_SCOPE, type: 'User', isEnabled: true }]);
    for (const text of ['adminConsentDisplayName', 'adminConsentDescription', 'userConsentDisplayName', 'userConsentDescription'] as const) expect(scopes[0]?.[text]).toMatch(/Målkoll/);
    // The scope config.json names is this app's, on this origin's domain; the app accepts that config.
    const config = tenantConfig(DEPLOYED);
    expect(config.apiScope).toBe(`1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d/${API_SCOPE}`);
    expect(filled.identifierUris).toEqual([apiIdentifierUri('gentle-field-0a1b2c3d4.5.azurestaticapps.net', '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d')]);
    expect(config.apiUrl).toBe('https://malkollx7-notify.azurewebsites.net/api');
    expect(parseAppConfig(config)).toMatchObject({ ok: true, config: { apiUrl: config.apiUrl, apiScope: config.apiScope } });
  });

  it('asks Entra for v2.0 tokens, which name the client id as their audience and carry idtyp', () => {
    expect(aad.api?.requestedAccessTokenVersion).toBe(2);
    // idtyp tells a user's token from an app-only one (the toolkit warns when it is missing).
    expect(aad.optionalClaims?.accessToken?.map((c) => c.name)).toContain('idtyp');
  });

  it('preauthorises the Microsoft 365 hosts for access_as_user only, as the toolkit’s SSO templates do', () => {
    const pre = aad.api?.preAuthorizedApplications ?? [];
    expect(pre.map((p) => p.appId).sort()).toEqual(Object.keys(MICROSOFT_365_HOSTS).sort());
    for (const p of pre) expect({ host: MICROSOFT_365_HOSTS[p.appId], ids: p.delegatedPermissionIds }).toEqual({ host: MICROSOFT_365_HOSTS[p.appId], ids: [PERMISSION_ID] });
    // The id is made up by aadApp/update on the first provision, and must then stay the same.
    expect(filled.api?.oauth2PermissionScopes?.[0]?.id).toBe(DEPLOYED.AAD_APP_ACCESS_AS_USER_PERMISSION_ID);
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
