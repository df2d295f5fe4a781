// The tab's figures: gzipped size of the JavaScript the first page load needs (goal < 300 KB), and
// Graph round trips before Att göra shows (goal ≤ 2), counted in the browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildWeb, webBuildIsStale, WEB_OUT } from '../../src/cli/web-build';
import { launchChromium, startServers } from '../e2e/harness';

/** The entry script and every chunk index.html preloads: what loads before anything renders. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)) if (match[1]) found.add(match[1]);
  return [...found];
}

export async function benchTab(print: (line: string) => void): Promise<void> {
  if (webBuildIsStale()) await buildWeb(undefined, { tolerateAddinFailure: true });
  const html = readFileSync(path.join(WEB_OUT, 'index.html'), 'utf8');
  const scripts = initialScripts(html);
  const gzipped = scripts.reduce((sum, src) => sum + zlib.gzipSync(readFileSync(path.join(WEB_OUT, src.replace(/^\//, '')))).length, 0);
  print(`tab: initial JavaScript ${(gzipped / 1024).toFixed(1)} KB gzipped in ${scripts.length} files (goal < 300 KB)`);

  const servers = await startServers();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    // Marks the moment Att göra's heading enters the page, so only the Graph requests answered before
    // it count (the plan list for the picker loads right after, on purpose).
    await context.addInitScript(() => {
      const timer = setInterval(() => {
        if (!document.getElementById('todo-heading')) return;
        Object.assign(window, { todoShownAt: performance.now() });
        clearInterval(timer);
      }, 2);
    });
    const page = await context.newPage();
    const load = async (url: string) => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Att göra' }).waitFor();
      return page.evaluate(() => {
        const shownAt = (window as unknown as { todoShownAt: number }).todoShownAt;
        const trips = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graph/v1.0') && (e as PerformanceResourceTiming).responseEnd <= shownAt).length;
        return { trips, ms: Math.round(shownAt), urls: performance.getEntriesByType('resource').filter((e) => e.name.includes('/graph/v1.0')).map((e) => `${Math.round(e.startTime)} ${e.name.slice(0, 140)}`) };
      });
    };
    const query = `?as=${encodeURIComponent('johan.ekstrom@region.example')}&plan=${encodeURIComponent('RS:2025')}`;
    const first = await load(`${servers.origin}/${query}`);
    const again = await load(`${servers.origin}/${query}`);
    if (process.env.BENCH_DEBUG) print(JSON.stringify(again, null, 1));
    print(`tab: Graph round trips before Att göra shows: ${again.trips} (goal ≤ 2; ${again.ms} ms), first visit ${first.trips} (site and list ids looked up once, then remembered; ${first.ms} ms)`);
    await context.close();
  } finally {
    await browser.close();
    await servers.stop();
  }
}

if (require.main === module) {
  benchTab((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
