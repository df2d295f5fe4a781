// Command-line flags shared by the commands that talk to Graph, validated before anything runs.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

export const DEFAULT_SITE = 'localhost:/sites/malkoll';
export const DEFAULT_LOCAL_URL = 'http://localhost:3000';

export interface GraphTarget {
  /** Graph root, e.g. `http://localhost:3000/graph/v1.0` or `https://graph.microsoft.com/v1.0`. */
  readonly graphUrl: string;
  readonly site: string;
  /** True when the target is the local emulator (dev tokens, /_dev/users). */
  readonly local: boolean;
  /** The emulator's origin when local. */
  readonly origin?: string;
}

export class UsageError extends Error {}

export const GRAPH_FLAGS = {
  'graph-url': { type: 'string' },
  site: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const GRAPH_FLAGS_HELP = [
  `  --graph-url URL   Graph-roten (standard: den lokala emulatorn ${DEFAULT_LOCAL_URL}/graph/v1.0;`,
  '                    mot en klientorganisation: https://graph.microsoft.com/v1.0)',
  `  --site REF        webbplatsen med listorna (standard: ${DEFAULT_SITE}),`,
  '                    till exempel contoso.sharepoint.com:/sites/malkoll',
].join('\n');

export function graphTarget(values: { 'graph-url'?: string; site?: string }, env: NodeJS.ProcessEnv): GraphTarget {
  const raw = values['graph-url'] ?? env.MALKOLL_GRAPH_URL ?? `http://localhost:${env.PORT ?? '3000'}/graph/v1.0`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--graph-url: "${raw}" är ingen giltig adress. Exempel: https://graph.microsoft.com/v1.0`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (!local && url.protocol !== 'https:') throw new UsageError(`--graph-url: Microsoft Graph nås bara över https (${raw}).`);
  const site = values.site ?? env.MALKOLL_SITE ?? DEFAULT_SITE;
  if (!/^[^:/\s]+(:\/.+|,[^,\s]+,[^,\s]+)$/.test(site) && site !== 'root') {
    throw new UsageError(`--site: "${site}" ska vara värdnamn:/sökväg, till exempel contoso.sharepoint.com:/sites/malkoll.`);
  }
  return { graphUrl: raw.replace(/\/$/, ''), site, local, ...(local ? { origin: url.origin } : {}) };
}

/** parseArgs with its refusals turned into usage errors (exit code 2). */
export function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
