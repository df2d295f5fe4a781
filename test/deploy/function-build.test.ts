// dist/function as `atk deploy` publishes it: one Function App package whose single bundle registers
// both the notify timer and the write API's HTTP routes, with the host.json that puts them under /api.
// Built for real (Vite, about 3 s) in a child process: Vite is ESM only and Jest's module sandbox
// cannot load it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FUNCTION_ENTRIES, functionEntrySource } from '../../src/cli/web-build';
import { ROOT } from './deploy-files';

const NOTIFY_ENTRY = path.join(ROOT, 'src', 'jobs', 'notify', 'azure-function.ts');
const API_ENTRY = path.join(ROOT, 'src', 'api', 'azure-function.ts');

describe('the Function App package', () => {
  let out = '';

  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'malkoll-function-'));
    const script = `require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'web-build.ts'))}).buildFunction(() => undefined, ${JSON.stringify(out)}).catch((e) => { console.error(e); process.exit(1); })`;
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '-e', script], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  }, 150_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('is built from the notify timer and the write API, both present in the source tree', () => {
    expect(FUNCTION_ENTRIES).toEqual([NOTIFY_ENTRY, API_ENTRY]);
    for (const entry of FUNCTION_ENTRIES) expect({ entry, exists: existsSync(entry) }).toEqual({ entry, exists: true });
    expect(functionEntrySource()).toBe(FUNCTION_ENTRIES.map((e) => `import ${JSON.stringify(e)};`).join('\n'));
  });

  it('registers the timer and the HTTP routes from one bundle the host loads', () => {
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('main.js');
    const bundle = readFileSync(path.join(out, pkg.main), 'utf8');
    expect(bundle).toMatch(/\.app\.timer\("notifyOverdue"/);
    expect(bundle).toMatch(/\.app\.http\("writeApi"/);
    const sources = (JSON.parse(readFileSync(path.join(out, 'main.js.map'), 'utf8')) as { sources: string[] }).sources.map((s) => path.resolve(out, s));
    expect(sources).toEqual(expect.arrayContaining([NOTIFY_ENTRY, API_ENTRY]));
    // One copy of @azure/functions: both registrations go to the same app object.
    expect(sources.filter((s) => s.endsWith(path.join('@azure', 'functions', 'dist', 'azure-functions.js')))).toHaveLength(1);
  });

  it('carries the host.json that serves HTTP routes under /api', () => {
    const host = JSON.parse(readFileSync(path.join(out, 'host.json'), 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
    expect(host.extensions?.http?.routePrefix).toBe('api');
  });
});
