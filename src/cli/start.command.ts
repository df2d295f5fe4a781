import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../emulator';
import type { Command } from './commands';
import { EXIT } from './commands';
import { seedLocalRun } from './local-seed';
import { DEFAULT_SITE, UsageError } from './options';
import { buildWeb, webBuildIsStale, writeEmulatorConfig } from './web-build';

export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');

export const startCommand: Command = {
  name: 'start',
  usage: 'malkoll start',
  summary: 'Startar den lokala körningen: Graph-emulatorn på http://localhost:3000 (PORT ändrar), med listor och exempeldata.',
  async run(_args, io) {
    const port = Number(io.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT måste vara ett portnummer 0–65535, inte "${io.env.PORT ?? ''}".`);
    const dataDir = path.resolve(io.cwd, io.env.MALKOLL_DATA_DIR ?? 'data');
    const log = (line: string) => io.out.write(`${line}\n`);
    // The tab is served from the emulator's origin: build it first when missing or out of date.
    if (io.env.MALKOLL_SKIP_WEB_BUILD !== '1' && webBuildIsStale()) await buildWeb(log, { tolerateAddinFailure: true });
    const staticRoot = existsSync(WEB_ROOT) ? WEB_ROOT : undefined;
    const emulator = await startEmulator({ port, dataDir, ...(staticRoot ? { staticRoot } : {}) });
    if (staticRoot) writeEmulatorConfig(emulator.graphUrl, DEFAULT_SITE, staticRoot);
    log(`Målkoll kör lokalt (data i ${path.relative(io.cwd, dataDir) || '.'}/).`);
    await seedLocalRun(emulator, dataDir, log);
    log('');
    log(`  Graph (emulator):  ${emulator.graphUrl}`);
    log(`  Utvecklarslutpunkter: ${emulator.url}/_dev/users, ${emulator.url}/_dev/activity`);
    if (staticRoot) log(`  Flik (Teams-fliken): ${emulator.url}/`);
    log('');
    log('Avsluta med Ctrl+C.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await emulator.close();
    return EXIT.ok;
  },
};
