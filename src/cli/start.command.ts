import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../emulator';
import type { MountedApi } from '../emulator';
import { DEFAULT_SITE_TIME_ZONE, checkTimeZone } from '../emulator/lists';
import type { Command } from './commands';
import { EXIT } from './commands';
import { localApiScope, localWriteApi } from './local-api';
import { seedLocalRun } from './local-seed';
import { DEFAULT_SITE, UsageError, parse, portNumber } from './options';
import { buildWeb, webBuildIsStale, writeEmulatorConfig } from './web-build';

export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');

export const startCommand: Command = {
  name: 'start',
  usage: 'malkoll start [--port PORT] [--site-time-zone ZON]',
  summary: 'Startar den lokala körningen: Graph-emulatorn på http://localhost:3000 (PORT ändrar), med listor och exempeldata.',
  help: [
    '  --port PORT           porten (standard: PORT, annars 3000); de andra kommandona når emulatorn',
    '                        med samma PORT, till exempel PORT=3001 npx malkoll plans',
    '  --site-time-zone ZON  webbplatsens tidszon, ett IANA-namn (standard: SITE_TIME_ZONE,',
    `                        annars ${DEFAULT_SITE_TIME_ZONE}); datumkolumner sparas som midnatt där`,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { port: { type: 'string' }, 'site-time-zone': { type: 'string' } } });
    const siteTimeZone = values['site-time-zone'] ?? io.env.SITE_TIME_ZONE ?? DEFAULT_SITE_TIME_ZONE;
    try {
      checkTimeZone(siteTimeZone);
    } catch {
      const source = values['site-time-zone'] !== undefined ? '--site-time-zone' : 'SITE_TIME_ZONE';
      throw new UsageError(`${source}: "${siteTimeZone}" är ingen tidszon. Skriv ett IANA-namn, till exempel Europe/Stockholm, UTC eller America/New_York.`);
    }
    const port = values.port !== undefined ? portNumber(values.port, '--port') : portNumber(io.env.PORT, 'PORT');
    const dataDir = path.resolve(io.cwd, io.env.MALKOLL_DATA_DIR ?? 'data');
    const log = (line: string) => io.out.write(`${line}\n`);
    // The tab is served from the emulator's origin: build it first when missing or out of date.
    if (io.env.MALKOLL_SKIP_WEB_BUILD !== '1' && webBuildIsStale()) await buildWeb(log, { tolerateAddinFailure: true });
    const staticRoot = existsSync(WEB_ROOT) ? WEB_ROOT : undefined;
    // The write API needs the emulator's origin and the Målkoll app it writes as: mounted once both exist.
    const mounted: { writeApi?: MountedApi } = {};
    const api: MountedApi = (request) => (mounted.writeApi ? mounted.writeApi(request) : Promise.resolve({ status: 503, headers: { 'Retry-After': '2' }, body: { error: { code: 'starting', message: 'Målkoll startar; försök igen om en stund.' } } }));
    const emulator = await startEmulator({ port, dataDir, siteTimeZone, api, ...(staticRoot ? { staticRoot } : {}) });
    log(`Målkoll kör lokalt (data i ${path.relative(io.cwd, dataDir) || '.'}/, webbplatsens tidszon ${siteTimeZone}).`);
    const { appId, teamsAppId } = await seedLocalRun(emulator, dataDir, log);
    mounted.writeApi = localWriteApi(emulator, appId, { teamsAppId });
    if (staticRoot) writeEmulatorConfig(emulator.graphUrl, DEFAULT_SITE, staticRoot, { url: '/api', scope: localApiScope(appId) });
    log('');
    log(`  Graph (emulator):  ${emulator.graphUrl}`);
    log(`  Skriv-API:  ${emulator.url}/api (flikens och tilläggets sparningar; alla andra har bara läsrätt)`);
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
