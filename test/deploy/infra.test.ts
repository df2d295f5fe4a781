// infra/azure.bicep and host.json, as far as they can be checked without the Bicep compiler (it
// cannot be fetched here; `az deployment group what-if` on a subscription shows the rest, see
// docs/deploy.md): the app settings are exactly the job's and the write API's, the API accepts
// tokens for the app and answers the tab's origin only, nothing reaches storage or monitoring by
// key, the Function is Flex Consumption on Node 20, every resource is named, placed and tagged from
// parameters, and no secret or key is written anywhere in infra/ or env/.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { apiSettingsFor } from '../../src/api';
import { API_FUNCTION_APP_SETTINGS } from '../../src/api/function-app';
import { API_ROUTE_PREFIX, apiIdentifierUri, apiUrlFor } from '../../src/cli/web-build';
import { DEFAULT_BUDGET_SECONDS, NOTIFY_FUNCTION_APP_SETTINGS, REMIND_FUNCTION_APP_SETTINGS } from '../../src/jobs/notify/timer-handler';
import { BICEP, ROOT, bicepOutputs, bicepParams, bicepResource, bicepResources, bicepVar, functionAppCors, functionAppSettings, read } from './deploy-files';

const bicep = read(BICEP);
/** Settings the platform reads (storage and Application Insights by identity), not the job. */
const PLATFORM = /^(AzureWebJobsStorage__|APPLICATIONINSIGHTS_)/;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

/** What a key, connection string, SAS or secret looks like when written into a file. */
const SECRET_SHAPES: ReadonlyArray<[string, RegExp]> = [
  ['storage account key', /AccountKey\s*=/i],
  ['connection string', /DefaultEndpointsProtocol\s*=/i],
  ['listKeys()', /listKeys\s*\(/],
  ['SAS token', /(SharedAccessSignature|[?&]sig=)/i],
  ['instrumentation key', /InstrumentationKey\s*=/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['client secret', /(client_?secret|clientSecret)['"]?\s*[:=]\s*['"]?[^\s'"$]/i],
  ['secret in an env file', /^SECRET_[A-Z0-9_]*=\S/m],
];

function secretsIn(text: string): string[] {
  return SECRET_SHAPES.filter(([, shape]) => shape.test(text)).map(([what]) => what);
}

/** What a deployment's resources would answer, for evaluating the Bicep's string expressions. */
const DEPLOYED: Readonly<Record<string, string>> = {
  'staticWebApp.properties.defaultHostname': 'gentle-field-0a1b2c3d4.5.azurestaticapps.net',
  'functionApp.properties.defaultHostName': 'malkollx7-notify.azurewebsites.net',
  appClientId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  tenantId: '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c',
  'environment().authentication.loginEndpoint': 'https://login.microsoftonline.com/',
};

/** A Bicep expression as deployed: a symbol above, a `var`, or a '…${expr}…' string of them. */
function evaluate(expression: string): string {
  const expr = expression.trim();
  const known = DEPLOYED[expr];
  if (known !== undefined) return known;
  const quoted = /^'(.*)'$/.exec(expr);
  if (quoted) return (quoted[1] ?? '').replace(/\$\{([^}]+)\}/g, (_m, inner: string) => evaluate(inner));
  const variable = bicepVar(expr);
  if (variable === undefined) throw new Error(`cannot evaluate ${expr}`);
  return evaluate(variable);
}

const setting = (name: string): string => {
  const value = new RegExp(`^\\s{4}${name}: (.+)$`, 'm').exec(bicepResource('appSettings'))?.[1];
  if (value === undefined) throw new Error(`no app setting ${name}`);
  return evaluate(value);
};
const output = (name: string): string => evaluate(new RegExp(`^output ${name} string = (.+)$`, 'm').exec(bicep)?.[1] ?? `'?'`);

describe('infra/azure.bicep', () => {
  it('sets exactly the app settings the two jobs and the write API read, besides the platform ones', () => {
    const settings = functionAppSettings();
    const readByTheCode = new Set([...NOTIFY_FUNCTION_APP_SETTINGS, ...REMIND_FUNCTION_APP_SETTINGS, ...API_FUNCTION_APP_SETTINGS]);
    expect(settings.filter((s) => !PLATFORM.test(s)).sort()).toEqual([...readByTheCode].sort());
    expect(settings).toEqual(expect.arrayContaining(['MALKOLL_API_AUDIENCES', 'MALKOLL_APP_TENANT_ID', 'MALKOLL_GRAPH_URL', 'MALKOLL_SITE']));
    // The site, the schedule and the escalation delay come from the environment's parameters.
    const block = bicepResource('appSettings');
    expect(block).toMatch(/MALKOLL_SITE: site\b/);
    expect(block).toMatch(/MALKOLL_NOTIFY_SCHEDULE: notifySchedule\b/);
    expect(block).toMatch(/MALKOLL_NOTIFY_ESCALATION_DAYS: escalationDays\b/);
    // The federated sign-in: the app's id and the identity federated on it, no secret.
    expect(block).toMatch(/MALKOLL_MANAGED_IDENTITY_CLIENT_ID: identity\.properties\.clientId/);
    expect(block).toMatch(/MALKOLL_APP_CLIENT_ID: appClientId\b/);
  });

  it('lets the write API accept exactly the tokens Entra issues for the app, in this cloud', () => {
    const audiences = setting('MALKOLL_API_AUDIENCES').split(',');
    // v2.0 tokens carry the client id as aud; the app id URI is aad.manifest.json's identifierUris.
    expect(audiences).toEqual([apiIdentifierUri(DEPLOYED['staticWebApp.properties.defaultHostname'] ?? '', DEPLOYED.appClientId ?? ''), DEPLOYED.appClientId]);
    expect(setting('MALKOLL_APP_TENANT_ID')).toBe(DEPLOYED.tenantId);
    // The API starts with these settings (it refuses to, half-configured).
    const api = apiSettingsFor({ tenantId: setting('MALKOLL_APP_TENANT_ID'), audiences, authority: setting('MALKOLL_LOGIN_AUTHORITY') });
    expect(api.tokenRules.audiences).toEqual(audiences);
    expect(api.jwksUrl).toBe(`https://login.microsoftonline.com/${DEPLOYED.tenantId ?? ''}/discovery/v2.0/keys`);
  });

  it('answers browsers from the tab’s origin only, without credentials (bearer tokens)', () => {
    const cors = functionAppCors();
    expect(cors).toBeDefined();
    expect(cors?.allowedOrigins.map(evaluate)).toEqual([output('TAB_ENDPOINT')]);
    expect(output('TAB_ENDPOINT')).toBe('https://gentle-field-0a1b2c3d4.5.azurestaticapps.net');
    expect(cors?.supportCredentials).toBe('false');
    expect(bicep).not.toMatch(/allowedOrigins:[^\]]*'\*'/);
  });

  it('records the write API’s address for the front ends’ config.json', () => {
    expect(bicepOutputs()).toContain('API_ENDPOINT');
    expect(apiUrlFor(output('API_ENDPOINT'))).toBe('https://malkollx7-notify.azurewebsites.net/api');
  });

  it('reaches the Function storage and Application Insights by managed identity, with keys switched off', () => {
    const settings = functionAppSettings();
    expect(settings).toEqual(expect.arrayContaining(['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId']));
    expect(settings).not.toContain('AzureWebJobsStorage');
    expect(bicepResource('appSettings')).toContain("AzureWebJobsStorage__credential: 'managedidentity'");
    expect(bicepResource('storage')).toContain('allowSharedKeyAccess: false');
    expect(bicepResource('insights')).toContain('DisableLocalAuth: true');
    expect(bicepResource('appSettings')).toContain("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'");
    expect(bicepResource('insights')).toContain('WorkspaceResourceId: logs.id');
    expect(bicepResource('storageRole')).toContain('storageBlobDataOwner');
    expect(bicepResource('insightsRole')).toContain('monitoringMetricsPublisher');
    const deployment = bicepResource('functionApp');
    expect(deployment).toMatch(/authentication: \{\s+type: 'UserAssignedIdentity'\s+userAssignedIdentityResourceId: identity\.id/);
  });

  it('runs the Function on Flex Consumption, Node 20, as the user-assigned identity', () => {
    expect(bicepResource('plan')).toMatch(/tier: 'FlexConsumption'\s+name: 'FC1'/);
    const app = bicepResource('functionApp');
    expect(app).toContain("kind: 'functionapp,linux'");
    expect(app).toMatch(/runtime: \{\s+name: 'node'\s+version: '20'/);
    expect(app).toMatch(/type: 'UserAssigned'/);
    expect(app).toContain('httpsOnly: true');
    // Flex Consumption refuses the classic runtime settings; the runtime is in functionAppConfig.
    expect(functionAppSettings()).not.toEqual(expect.arrayContaining(['FUNCTIONS_WORKER_RUNTIME']));
    expect(functionAppSettings()).not.toEqual(expect.arrayContaining(['WEBSITE_RUN_FROM_PACKAGE']));
  });

  it('hosts the tab, task pane and redirect bridge on a Static Web App whose origin the toolkit records', () => {
    expect(bicepResources().map((r) => r.type)).toContain('Microsoft.Web/staticSites');
    expect(bicepOutputs()).toEqual(expect.arrayContaining(['AZURE_STATIC_WEB_APPS_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'NOTIFY_FUNCTION_RESOURCE_ID', 'NOTIFY_FUNCTION_NAME']));
    expect(bicep).toMatch(/output TAB_DOMAIN string = staticWebApp\.properties\.defaultHostname/);
    expect(bicep).toMatch(/output TAB_ENDPOINT string = 'https:\/\/\$\{staticWebApp\.properties\.defaultHostname\}'/);
  });

  it('names, places and tags every resource from parameters', () => {
    const params = bicepParams();
    for (const name of ['resourceBaseName', 'location', 'tags']) expect(params.has(name)).toBe(true);
    // Child resources and role assignments have no place of their own.
    const placed = bicepResources().filter((r) => /^\s{2}location:/m.test(r.text));
    expect(placed.map((r) => r.symbol).sort()).toEqual(['functionApp', 'identity', 'insights', 'logs', 'plan', 'staticWebApp', 'storage']);
    for (const resource of placed) {
      const located = /^\s{2}location:\s*(\S+)/m.exec(resource.text)?.[1];
      expect({ resource: resource.symbol, location: located }).toEqual({ resource: resource.symbol, location: expect.stringMatching(/^(location|staticWebAppLocation)$/) });
      expect({ resource: resource.symbol, tagged: /^\s{2}tags: tags$/m.test(resource.text) }).toEqual({ resource: resource.symbol, tagged: true });
      expect({ resource: resource.symbol, named: /^\s{2}name: (storageName|'\$\{name\}-[a-z-]+')$/m.test(resource.text) }).toEqual({ resource: resource.symbol, named: true });
    }
  });

  it('is well-formed as far as a reader without the compiler can tell', () => {
    const code = bicep.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");
    const depth = (open: string, close: string): number => [...code].reduce((d, c) => d + (c === open ? 1 : c === close ? -1 : 0), 0);
    expect([depth('{', '}'), depth('[', ']'), depth('(', ')')]).toEqual([0, 0, 0]);
    for (const resource of bicepResources()) expect(resource.text).toMatch(/^resource \w+ '[A-Za-z.]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?'/);
    // Every parameter is used somewhere after its declaration.
    const withStrings = bicep.replace(/\/\/.*$/gm, '');
    const unused = [...bicepParams().keys()].filter((name) => withStrings.split(new RegExp(`\\b${name}\\b`)).length - 1 < 2);
    expect(unused).toEqual([]);
  });
});

describe('host.json', () => {
  const host = JSON.parse(read('infra/function/host.json')) as { version: string; functionTimeout: string; extensions?: { http?: { routePrefix?: string } } };

  it('serves the write API’s HTTP routes under /api, where config.json points', () => {
    expect(host.extensions?.http?.routePrefix).toBe(API_ROUTE_PREFIX);
    expect(API_ROUTE_PREFIX).toBe('api');
  });

  it('is a Functions v4 host whose timeout leaves the run time to finish after its send budget', () => {
    expect(host.version).toBe('2.0');
    const [h = 0, m = 0, s = 0] = host.functionTimeout.split(':').map(Number);
    expect(DEFAULT_BUDGET_SECONDS + 30).toBeLessThanOrEqual(h * 3600 + m * 60 + s);
  });
});

describe('no secret or key in infra/ or env/', () => {
  const files = [...filesUnder('infra'), ...filesUnder('env')];

  it('finds none in any file', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(files.map((f) => ({ file: f, secrets: secretsIn(read(f)) })).filter((f) => f.secrets.length > 0)).toEqual([]);
  });

  it('would find the usual shapes (the check bites)', () => {
    expect(secretsIn("value: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=='")).toEqual(['storage account key', 'connection string']);
    expect(secretsIn('value: storage.listKeys().keys[0].value')).toEqual(['listKeys()']);
    expect(secretsIn('SECRET_TAB_SWA_DEPLOYMENT_TOKEN=abc123')).toEqual(['secret in an env file']);
    expect(secretsIn('"clientSecret": "x~8Q…"')).toEqual(['client secret']);
  });
});
