// A small runner for the browser tests: starts `npm start`'s servers on a free port with fresh data,
// drives Debian's Chromium through playwright-core, and prints "N passed, N failed" at the end.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTEFACTS = path.join(ROOT, 'test-results', 'e2e');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Servers {
  readonly origin: string;
  readonly graphUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` as a newcomer runs it (same command, same code), on a free port and fresh data. */
export async function startServers(): Promise<Servers> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'main.ts'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), MALKOLL_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 120 s:\n${output}`)), 120_000);
    const check = setInterval(() => {
      if (output.includes('Avsluta med Ctrl+C')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  const origin = `http://localhost:${port}`;
  return {
    origin,
    graphUrl: `${origin}/graph/v1.0`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export interface TestCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

export async function runTests(cases: readonly TestCase[]): Promise<{ passed: number; failed: number }> {
  mkdirSync(ARTEFACTS, { recursive: true });
  let passed = 0;
  let failed = 0;
  for (const test of cases) {
    const started = Date.now();
    try {
      await test.run();
      passed += 1;
      process.stdout.write(`  ✓ ${test.name} (${Date.now() - started} ms)\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`  ✗ ${test.name}\n    ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n    ') : String(error)}\n`);
    }
  }
  return { passed, failed };
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Graph, read as the app token would: checks what the emulator really holds. */
export async function graphAs(origin: string, upn: string | undefined): Promise<(pathOrUrl: string) => Promise<unknown>> {
  const response = await fetch(`${origin}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(upn ? { upn } : { app: true }) });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return async (pathOrUrl: string) => {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${origin}/graph/v1.0${pathOrUrl}`;
    const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
}
