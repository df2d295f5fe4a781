// teamsapp.yml against the Agents Toolkit's own yaml schema (vendored, see schema/README.md), and
// the lifecycle a Microsoft 365 developer expects of it: what provision, deploy and publish do, and
// that every ${{VAR}} is there when its step runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { placeholdersIn } from '../../src/cli/env-file';
import { bicepOutputs, bicepParams, envDev, read, steps, teamsappYml, undefinedPlaceholders } from './deploy-files';
import type { Step , LIFECYCLES} from './deploy-files';
import { parseYamlSubset } from './yaml-subset';

const SCHEMA_FILE = path.join(__dirname, 'schema', 'teamsapp.v1.13.yaml.schema.json');

function validator(): ValidateFunction {
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

const yml = teamsappYml();
const uses = (lifecycle: (typeof LIFECYCLES)[number]): string[] => steps(yml, lifecycle).map((s) => s.uses);
const step = (lifecycle: (typeof LIFECYCLES)[number], action: string): Step => {
  const found = steps(yml, lifecycle).find((s) => s.uses === action);
  if (!found) throw new Error(`${lifecycle} has no ${action}`);
  return found;
};

describe('teamsapp.yml', () => {
  it('validates against the toolkit schema of the version it declares', () => {
    const validate = validator();
    expect(yml.version).toBe('v1.13');
    const ok = validate(yml);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(read('teamsapp.yml').split('\n')[0]).toContain('/v1.13/yaml.schema.json');
  });

  it('is refused by the schema when broken (the check bites)', () => {
    const validate = validator();
    expect(validate({ ...yml, version: 'v1.12' })).toBe(false);
    expect(validate({ ...yml, provision: [...steps(yml, 'provision'), { uses: 'teamsApp/doesNotExist', with: {} }] })).toBe(false);
    // aadApp/create may not make a client secret: the job has none to rotate.
    const withSecret = steps(yml, 'provision').map((s) => (s.uses === 'aadApp/create' ? { ...s, with: { ...(s.with as object), generateClientSecret: true } } : s));
    expect(validate({ ...yml, provision: withSecret })).toBe(false);
  });

  it('provisions in the order the toolkit needs: Entra app, Teams app, infra, Entra update, validate, zip, update', () => {
    const order = ['aadApp/create', 'teamsApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update'];
    const provision = uses('provision');
    const positions = order.map((action) => provision.indexOf(action));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(step('provision', 'aadApp/update').with).toMatchObject({ manifestPath: './aad.manifest.json' });
    expect(step('provision', 'teamsApp/zipAppPackage').with).toMatchObject({ manifestPath: './manifest/teams/manifest.json' });
    expect(step('provision', 'arm/deploy').with).toMatchObject({ templates: [{ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }] });
  });

  it('federates the notify identity on the Entra app after the infra exists and before the app is updated', () => {
    const provision = steps(yml, 'provision');
    const federate = provision.findIndex((s) => s.uses === 'script' && String((s.with as Record<string, unknown>).run).includes('federated-credential create'));
    expect(federate).toBeGreaterThan(uses('provision').indexOf('arm/deploy'));
    expect(federate).toBeLessThan(uses('provision').indexOf('aadApp/update'));
    const run = String((provision[federate]?.with as Record<string, unknown>).run);
    expect(run).toContain('"audiences":["api://AzureADTokenExchange"]');
    expect(run).toContain('"issuer":"https://login.microsoftonline.com/${{AAD_APP_TENANT_ID}}/v2.0"');
    expect(run).toContain('"subject":"${{NOTIFY_IDENTITY_PRINCIPAL_ID}}"');
    // Idempotent: a second provision finds the credential and creates nothing.
    expect(run.indexOf('federated-credential show')).toBeLessThan(run.indexOf('||'));
    expect(bicepOutputs()).toContain('NOTIFY_IDENTITY_PRINCIPAL_ID');
  });

  it('deploys: build for the deployed origin, upload dist/web to the Static Web App, publish dist/function', () => {
    const deploy = uses('deploy');
    const build = steps(yml, 'deploy').find((s) => s.uses === 'cli/runNpmCommand' && (s.with as Record<string, unknown>).args === 'run build');
    // config.json names the write API on the Function App the Bicep made (its output API_ENDPOINT).
    expect(build?.env).toMatchObject({ MALKOLL_WEB_ORIGIN: '${{TAB_ENDPOINT}}', API_ENDPOINT: '${{API_ENDPOINT}}', AAD_APP_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}', AAD_APP_TENANT_ID: '${{AAD_APP_TENANT_ID}}', MALKOLL_SITE: '${{MALKOLL_SITE}}' });
    expect(bicepOutputs()).toContain('API_ENDPOINT');
    expect(deploy.indexOf('azureStaticWebApps/getDeploymentToken')).toBeGreaterThan(deploy.indexOf('cli/runNpmCommand'));
    const upload = steps(yml, 'deploy').find((s) => s.uses === 'cli/runNpxCommand');
    expect(String((upload?.with as Record<string, unknown>).args)).toMatch(/static-web-apps-cli deploy \.\/dist\/web .*\$\{\{SECRET_TAB_SWA_DEPLOYMENT_TOKEN\}\}/);
    expect(step('deploy', 'azureStaticWebApps/getDeploymentToken').writeToEnvironmentFile).toEqual({ deploymentToken: 'SECRET_TAB_SWA_DEPLOYMENT_TOKEN' });
    expect(step('deploy', 'azureFunctions/zipDeploy').with).toMatchObject({ artifactFolder: './dist/function', resourceId: '${{NOTIFY_FUNCTION_RESOURCE_ID}}' });
    const publishFunction = steps(yml, 'deploy').at(-1);
    expect(String((publishFunction?.with as Record<string, unknown>).run)).toContain('az functionapp deployment source config-zip');
  });

  it('publishes the package to the organisation catalogue and records the catalogue id', () => {
    expect(uses('publish').at(-1)).toBe('teamsApp/publishAppPackage');
    expect(step('publish', 'teamsApp/publishAppPackage').writeToEnvironmentFile).toEqual({ publishedAppId: 'TEAMS_APP_PUBLISHED_APP_ID' });
  });

  it('has every ${{VAR}} defined in env/.env.dev or by an earlier step when its step runs', () => {
    expect(undefinedPlaceholders()).toEqual([]);
    // The check bites: a variable nobody defines, and an output used before the step that makes it.
    const broken = { ...yml, provision: [{ uses: 'teamsApp/create', with: { name: '${{NOBODY_SETS_THIS}}' }, writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' } }] };
    expect(undefinedPlaceholders(broken).map((u) => u.name)).toContain('NOBODY_SETS_THIS');
    const early = { ...yml, provision: steps(yml, 'provision').filter((s) => s.uses !== 'aadApp/create') };
    expect(undefinedPlaceholders(early).map((u) => u.name)).toContain('AAD_APP_CLIENT_ID');
    // aadApp/update makes up the scope's id for aad.manifest.json itself; nothing before it has one.
    const beforeUpdate = { ...yml, provision: [{ uses: 'teamsApp/create', with: { name: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' }, writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' } }, ...steps(yml, 'provision')] };
    expect(undefinedPlaceholders(beforeUpdate).map((u) => `${u.uses}:${u.name}`)).toEqual(['teamsApp/create:AAD_APP_ACCESS_AS_USER_PERMISSION_ID']);
    expect(read('aad.manifest.json')).toContain('${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}');
  });

  it('keeps env/.env.dev free of secrets and leaves generated ids to the toolkit', () => {
    const env = envDev();
    expect(Object.keys(env).filter((k) => k.startsWith('SECRET_'))).toEqual([]);
    expect(env.TEAMSFX_ENV).toBe('dev');
    const ignore = read('.gitignore');
    expect(ignore).toMatch(/^env\/\.env\.\*\.user$/m);
  });

  it('passes every Bicep parameter without a default, and only parameters the Bicep declares', () => {
    const params = bicepParams();
    const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }).parameters);
    expect(given.filter((p) => !params.has(p))).toEqual([]);
    expect([...params].filter(([name, p]) => !p.hasDefault && !given.includes(name)).map(([name]) => name)).toEqual([]);
    expect(placeholdersIn(read('infra/azure.parameters.json'))).toEqual(expect.arrayContaining(['AAD_APP_CLIENT_ID', 'MALKOLL_SITE', 'RESOURCE_SUFFIX']));
  });

  it('reads with the same subset reader the test uses, which refuses YAML outside it', () => {
    expect(() => parseYamlSubset('provision: [a, b]')).toThrow(/line 1/);
    expect(() => parseYamlSubset('a: &x 1')).toThrow(/outside the subset/);
    expect(parseYamlSubset('a:\n  - uses: x\n    with:\n      b: "c: d"\n')).toEqual({ a: [{ uses: 'x', with: { b: 'c: d' } }] });
  });
});
