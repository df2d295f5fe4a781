// Builds the web front ends with Vite into dist/web (the Teams tab at /, the Excel add-in's task
// pane when it exists, the add-in manifest at /addin/manifest.xml), the Teams app package
// dist/teams-app.zip (manifest and icons) and, from the command line, the Function App's package in
// dist/function (the notify timer and the write API). Locally everything names
// https://localhost:3000 (env/.env.local); with MALKOLL_WEB_ORIGIN set (`atk deploy`, see
// teamsapp.yml) it is built for the deployed origin, and API_ENDPOINT names the write API.
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { API_SCOPE } from '../api';
import { parseAppConfig } from '../auth/app-config';
import { LOCAL_ENV_FILE, excelManifestFor, readEnvFile, teamsManifest, teamsManifestText } from './app-manifests';
import type { EnvValues } from './env-file';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_OUT = path.join(ROOT, 'dist', 'web');
export const TEAMS_ZIP = path.join(ROOT, 'dist', 'teams-app.zip');
export const FUNCTION_OUT = path.join(ROOT, 'dist', 'function');
const TAB_DIR = path.join(ROOT, 'src', 'tab');
const ADDIN_HTML = path.join(ROOT, 'src', 'addin', 'taskpane.html');
const MANIFEST_DIR = path.join(ROOT, 'manifest', 'teams');
/**
 * Every Functions registration of the one Function App, in the order the host loads them: the
 * notify timer and the write API's HTTP routes under /api (infra/function/host.json's routePrefix).
 */
export const FUNCTION_ENTRIES: readonly string[] = [path.join(ROOT, 'src', 'jobs', 'notify', 'azure-function.ts'), path.join(ROOT, 'src', 'api', 'azure-function.ts')];
const HOST_JSON = path.join(ROOT, 'infra', 'function', 'host.json');
export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';

/** What the build is for: the local run, or a deployed origin with the toolkit's environment. */
export type BuildTarget =
  | { readonly kind: 'local'; readonly values: EnvValues }
  | { readonly kind: 'deployed'; readonly origin: string; readonly values: EnvValues };

/**
 * MALKOLL_WEB_ORIGIN selects a deployed build; TAB_ENDPOINT and TAB_DOMAIN are derived from it, so
 * the manifest, the redirect URIs and the hosting cannot disagree about the origin.
 */
export function buildTarget(env: Readonly<Record<string, string | undefined>>, root = ROOT): BuildTarget {
  const raw = env.MALKOLL_WEB_ORIGIN?.trim();
  if (!raw) return { kind: 'local', values: readEnvFile(root, LOCAL_ENV_FILE) };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MALKOLL_WEB_ORIGIN: "${raw}" är ingen adress (till exempel https://malkoll.azurestaticapps.net).`);
  }
  if (url.protocol !== 'https:') throw new Error(`MALKOLL_WEB_ORIGIN ska vara en https-adress, inte ${raw}: Teams och Office laddar bara https.`);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) values[key] = value;
  return { kind: 'deployed', origin: url.origin, values: { ...values, TAB_ENDPOINT: url.origin, TAB_DOMAIN: url.host } };
}

/** The Functions host's route prefix for HTTP triggers (infra/function/host.json). */
export const API_ROUTE_PREFIX = 'api';

/** The app id URI of aad.manifest.json's identifierUris: `api://<tab domain>/<client id>`. */
export function apiIdentifierUri(tabDomain: string, clientId: string): string {
  return `api://${tabDomain}/${clientId}`;
}

/**
 * The scope the front ends ask for to call the write API. The tab and the API are one app
 * registration, and Entra issues an app a token for itself only when the resource is named by its
 * GUID (AADSTS90009; e.g. https://github.com/Softeria/ms-365-mcp-server/pull/508): so
 * `<client id>/access_as_user`, whose v2 token carries the client id as `aud`.
 */
export function apiScopeFor(_tabDomain: string, clientId: string): string {
  return `${clientId}/${API_SCOPE}`;
}

/** The write API's base URL from the Function App's origin (the Bicep output API_ENDPOINT). */
export function apiUrlFor(apiEndpoint: string): string {
  let url: URL;
  try {
    url = new URL(apiEndpoint.trim());
  } catch {
    throw new Error(`API_ENDPOINT: "${apiEndpoint}" är ingen adress (till exempel https://malkoll-notify.azurewebsites.net). Kör atk provision, som skriver den.`);
  }
  if (url.protocol !== 'https:') throw new Error(`API_ENDPOINT ska vara en https-adress, inte ${apiEndpoint}: fliken skickar användarens token dit.`);
  return `${url.origin}/${API_ROUTE_PREFIX}`;
}

/** The tab's and add-in's /config.json for a tenant: refused unless the app would accept it. */
export function tenantConfig(values: EnvValues): Record<string, string> {
  const clientId = values.AAD_APP_CLIENT_ID ?? '';
  const apiEndpoint = values.API_ENDPOINT ?? '';
  const tabDomain = values.TAB_DOMAIN ?? '';
  if (apiEndpoint === '') throw new Error('config.json för klientorganisationen går inte att bygga: API_ENDPOINT saknas (skriv-API:ts Function-app, https://…). Kör atk provision, som skriver den i env-filen.');
  // The scope's app id URI names the tab's domain (aad.manifest.json's identifierUris).
  if (tabDomain === '') throw new Error('config.json för klientorganisationen går inte att bygga: TAB_DOMAIN saknas (flikens domän, från MALKOLL_WEB_ORIGIN).');
  const config = {
    mode: 'tenant',
    graphUrl: GRAPH_URL,
    siteRef: values.MALKOLL_SITE ?? '',
    clientId,
    tenantId: values.AAD_APP_TENANT_ID ?? '',
    apiUrl: apiUrlFor(apiEndpoint),
    apiScope: apiScopeFor(tabDomain, clientId),
  };
  const parsed = parseAppConfig(config);
  if (!parsed.ok) throw new Error(`config.json för klientorganisationen går inte att bygga: ${parsed.problems.join(' ')} (MALKOLL_SITE, AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID, API_ENDPOINT, TAB_DOMAIN)`);
  return config;
}

/** Source folders whose changes make dist/web stale. */
const SOURCE_DIRS = ['tab', 'ui', 'auth', 'core', 'graph', 'lists', 'store', 'report', 'excel', 'addin'].map((d) => path.join(ROOT, 'src', d));

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/web is missing or older than any source it is built from. */
export function webBuildIsStale(): boolean {
  const index = path.join(WEB_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestMtime(dir) > built);
}

/** The part of Vite's API used here (its types need a module resolution the project does not use). */
interface ViteWarning {
  readonly code?: string;
}
interface Vite {
  build(config: Record<string, unknown>): Promise<unknown>;
}

// A Function-built import keeps this a real ESM import under the project's CommonJS output (Vite 8
// ships ESM only; TypeScript would otherwise turn `import()` into `require`).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Vite>;

function copyFolder(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyFolder(source, target);
    else writeFileSync(target, readFileSync(source));
  }
}

async function viteBuild(root: string, inputs: Record<string, string>, emptyOutDir: boolean): Promise<void> {
  const vite = await importEsm('vite');
  await vite.build({
    root,
    // Static files are copied by the caller to where the manifests point (Vite would put them at /).
    publicDir: false,
    base: '/',
    logLevel: 'warn',
    configFile: false,
    // Vite 8 transforms TSX itself (no React plugin): the automatic runtime needs no React import.
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: WEB_OUT,
      emptyOutDir,
      sourcemap: true,
      target: 'es2022',
      rollupOptions: {
        input: inputs,
        // Fluent's "use client" directives mean nothing in a client-only bundle; the warning is noise.
        onwarn(warning: ViteWarning, warn: (warning: ViteWarning) => void) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
      chunkSizeWarningLimit: 1500,
    },
  });
}

export async function buildWeb(
  log: (line: string) => void = () => undefined,
  options: { tolerateAddinFailure?: boolean; target?: BuildTarget } = {},
): Promise<void> {
  const target = options.target ?? buildTarget({});
  log(target.kind === 'local' ? 'Bygger fliken (Vite) …' : `Bygger fliken (Vite) för ${target.origin} …`);
  await viteBuild(TAB_DIR, { index: path.join(TAB_DIR, 'index.html'), 'auth-redirect': path.join(TAB_DIR, 'auth-redirect.html') }, true);
  if (existsSync(ADDIN_HTML)) {
    log('Bygger Excel-tillägget (Vite) …');
    try {
      // Rooted at src/ so the page lands at /addin/taskpane.html, where the add-in manifest points;
      // src/addin/public (icons, help page) is copied to /addin/ as is.
      await viteBuild(path.join(ROOT, 'src'), { taskpane: ADDIN_HTML }, false);
      copyFolder(path.join(path.dirname(ADDIN_HTML), 'public'), path.join(WEB_OUT, 'addin'));
      // Served beside the task pane, so an admin can deploy the add-in from its URL.
      writeFileSync(path.join(WEB_OUT, 'addin', 'manifest.xml'), excelManifestFor(ROOT, target.kind === 'deployed' ? target.origin : undefined));
    } catch (error) {
      // The local run must not lose the tab because the add-in (built by other work) is broken.
      if (!options.tolerateAddinFailure) throw error;
      log(`Varning: Excel-tillägget kunde inte byggas och serveras inte: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  if (target.kind === 'deployed') writeFileSync(path.join(WEB_OUT, 'config.json'), `${JSON.stringify(tenantConfig(target.values), null, 2)}\n`);
  await buildTeamsPackage(TEAMS_ZIP, target.values);
  log(`Klart: ${path.relative(process.cwd(), WEB_OUT)}/ och ${path.relative(process.cwd(), TEAMS_ZIP)}`);
}

/** The app package Teams accepts: manifest.json (placeholders filled) and the two icons at the zip's top level. */
export async function buildTeamsPackage(out = TEAMS_ZIP, values: EnvValues = buildTarget({}).values): Promise<void> {
  const zip = new JSZip();
  const manifest = teamsManifest(ROOT, values);
  zip.file('manifest.json', teamsManifestText(ROOT, values));
  zip.file(manifest.icons.color, readFileSync(path.join(MANIFEST_DIR, manifest.icons.color)));
  zip.file(manifest.icons.outline, readFileSync(path.join(MANIFEST_DIR, manifest.icons.outline)));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const FUNCTION_ENTRY_ID = 'virtual:malkoll-function-entry';
const RESOLVED_FUNCTION_ENTRY_ID = `\0${FUNCTION_ENTRY_ID}`;

/** The bundle's entry: it imports every registration, so the host loads one file and finds them all. */
export function functionEntrySource(entries: readonly string[] = FUNCTION_ENTRIES): string {
  return entries.map((entry) => `import ${JSON.stringify(entry)};`).join('\n');
}

/**
 * The Function App as Flex Consumption runs it: one CommonJS bundle (every dependency inside, so
 * the package needs no npm install on the host, and one copy of @azure/functions holds both the
 * timer and the HTTP routes), host.json and a package.json naming the entry.
 * `@azure/functions-core` stays outside: the Functions host provides it.
 */
export async function buildFunction(log: (line: string) => void = () => undefined, out = FUNCTION_OUT): Promise<void> {
  log('Bygger Function-appen (aviseringar och skriv-API) …');
  const missing = FUNCTION_ENTRIES.filter((entry) => !existsSync(entry));
  if (missing.length > 0) throw new Error(`Function-appen går inte att bygga: ${missing.map((m) => path.relative(ROOT, m)).join(', ')} saknas.`);
  const vite = await importEsm('vite');
  await vite.build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    plugins: [
      {
        name: 'malkoll-function-entry',
        enforce: 'pre',
        resolveId: (id: string) => (id === FUNCTION_ENTRY_ID ? RESOLVED_FUNCTION_ENTRY_ID : null),
        load: (id: string) => (id === RESOLVED_FUNCTION_ENTRY_ID ? functionEntrySource() : null),
      },
    ],
    build: {
      ssr: true,
      outDir: out,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rollupOptions: { input: FUNCTION_ENTRY_ID, external: ['@azure/functions-core'], output: { format: 'cjs', entryFileNames: 'main.js' } },
    },
  });
  writeFileSync(path.join(out, 'host.json'), readFileSync(HOST_JSON));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ name: 'malkoll-function', version: pkg.version, private: true, main: 'main.js' }, null, 2)}\n`);
  log(`Klart: ${path.relative(process.cwd(), out)}/`);
}

/** The web app's configuration for the local run: the emulator, no Entra. */
/** The local run's /config.json: the emulator's Graph, and the write API on the same origin (`api`). */
export function writeEmulatorConfig(graphUrl: string, siteRef: string, dir = WEB_OUT, api?: { readonly url: string; readonly scope: string }): void {
  const config = { mode: 'emulator', graphUrl, siteRef, ...(api ? { apiUrl: api.url, apiScope: api.scope } : {}) };
  writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

if (require.main === module) {
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  Promise.resolve()
    .then(() => buildWeb(log, { target: buildTarget(process.env) }))
    .then(() => buildFunction(log))
    .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
