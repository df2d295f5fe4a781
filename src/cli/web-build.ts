// Builds the web front ends with Vite into dist/web (the Teams tab at /, the Excel add-in's task
// pane when it exists) and the Teams app package dist/teams-app.zip (manifest and icons).
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_OUT = path.join(ROOT, 'dist', 'web');
export const TEAMS_ZIP = path.join(ROOT, 'dist', 'teams-app.zip');
const TAB_DIR = path.join(ROOT, 'src', 'tab');
const ADDIN_HTML = path.join(ROOT, 'src', 'addin', 'taskpane.html');
const MANIFEST_DIR = path.join(ROOT, 'manifest', 'teams');

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

export async function buildWeb(log: (line: string) => void = () => undefined, options: { tolerateAddinFailure?: boolean } = {}): Promise<void> {
  log('Bygger fliken (Vite) …');
  await viteBuild(TAB_DIR, { index: path.join(TAB_DIR, 'index.html'), 'auth-redirect': path.join(TAB_DIR, 'auth-redirect.html') }, true);
  if (existsSync(ADDIN_HTML)) {
    log('Bygger Excel-tillägget (Vite) …');
    try {
      // Rooted at src/ so the page lands at /addin/taskpane.html, where the add-in manifest points;
      // src/addin/public (icons, help page) is copied to /addin/ as is.
      await viteBuild(path.join(ROOT, 'src'), { taskpane: ADDIN_HTML }, false);
      copyFolder(path.join(path.dirname(ADDIN_HTML), 'public'), path.join(WEB_OUT, 'addin'));
    } catch (error) {
      // The local run must not lose the tab because the add-in (built by other work) is broken.
      if (!options.tolerateAddinFailure) throw error;
      log(`Varning: Excel-tillägget kunde inte byggas och serveras inte: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  await buildTeamsPackage();
  log(`Klart: ${path.relative(process.cwd(), WEB_OUT)}/ och ${path.relative(process.cwd(), TEAMS_ZIP)}`);
}

/** The app package Teams accepts: manifest.json and the two icons at the zip's top level. */
export async function buildTeamsPackage(out = TEAMS_ZIP): Promise<void> {
  const zip = new JSZip();
  const manifest = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as { icons: { color: string; outline: string } };
  zip.file('manifest.json', readFileSync(path.join(MANIFEST_DIR, 'manifest.json')));
  zip.file(manifest.icons.color, readFileSync(path.join(MANIFEST_DIR, manifest.icons.color)));
  zip.file(manifest.icons.outline, readFileSync(path.join(MANIFEST_DIR, manifest.icons.outline)));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The web app's configuration for the local run: the emulator, no Entra. */
export function writeEmulatorConfig(graphUrl: string, siteRef: string, dir = WEB_OUT): void {
  writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify({ mode: 'emulator', graphUrl, siteRef }, null, 2)}\n`);
}

if (require.main === module) {
  buildWeb((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
