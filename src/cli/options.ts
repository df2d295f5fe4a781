// Command-line flags shared by the commands that talk to Graph, validated before anything runs.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { checkGraphEndpoint } from '../core/graph-endpoint';
import { FLAG_EXAMPLES, texts } from './texts';

export const DEFAULT_SITE = 'localhost:/sites/malkoll';
export const DEFAULT_PORT = 3000;
export const DEFAULT_LOCAL_URL = `http://localhost:${DEFAULT_PORT}`;

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
  `  --graph-url URL   Graph-roten (standard: den lokala emulatorn http://localhost:PORT/graph/v1.0,`,
  `                    PORT ${DEFAULT_PORT} om den inte är satt; mot en klientorganisation:`,
  '                    https://graph.microsoft.com/v1.0)',
  `  --site REF        webbplatsen med listorna (standard: ${DEFAULT_SITE}),`,
  '                    till exempel contoso.sharepoint.com:/sites/malkoll',
].join('\n');

/** A port from a flag or PORT; `source` names where it came from in the refusal. */
export function portNumber(raw: string | undefined, source: string): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(texts.usage.port(raw, source));
  return port;
}

export function graphTarget(values: { 'graph-url'?: string; site?: string }, env: NodeJS.ProcessEnv): GraphTarget {
  const say = texts.usage;
  // The local default follows PORT, so `PORT=3001 npm start` and `PORT=3001 npx malkoll …` meet.
  const urlSource = values['graph-url'] !== undefined ? '--graph-url' : env.MALKOLL_GRAPH_URL !== undefined ? 'MALKOLL_GRAPH_URL' : undefined;
  const raw = values['graph-url'] ?? env.MALKOLL_GRAPH_URL ?? `http://localhost:${portNumber(env.PORT, 'PORT')}/graph/v1.0`;
  // The app-only token goes wherever this points: Microsoft Graph over https or the local emulator only.
  const checked = checkGraphEndpoint(raw);
  if (!checked.ok) throw new UsageError(`${urlSource ?? 'PORT'}: ${checked.problem}`);
  const endpoint = checked.endpoint;
  const site = values.site ?? env.MALKOLL_SITE ?? DEFAULT_SITE;
  if (!/^[^:/\s]+(:\/.+|,[^,\s]+,[^,\s]+)$/.test(site) && site !== 'root') {
    throw new UsageError(say.site(site, values.site !== undefined ? '--site' : 'MALKOLL_SITE'));
  }
  return { graphUrl: endpoint.url, site, local: endpoint.kind === 'emulator', ...(endpoint.kind === 'emulator' ? { origin: endpoint.origin } : {}) };
}

/** Edits needed to turn one word into the other (for "Menade du …?"). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The candidate a mistyped word most likely meant, if one is close. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const scored = candidates.map((c) => ({ c, d: c.startsWith(word) && word.length >= 3 ? 0 : distance(word, c) })).sort((x, y) => x.d - y.d);
  const best = scored[0];
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.c : undefined;
}

/**
 * parseArgs, with every refusal said in Swedish (exit code 2): parseArgs' own messages are
 * English, so the arguments are first read leniently as tokens and checked here.
 */
export function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const say = texts.usage;
  const options = config.options ?? {};
  const known = Object.keys(options).filter((name) => name !== 'help');
  const { tokens } = parseArgs({ args: config.args ?? [], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !config.allowPositionals) throw new UsageError(say.noArguments(token.value));
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      const flags = known.map((name) => `--${name}`);
      throw new UsageError(say.unknownFlag(token.rawName, flags, closest(token.rawName, flags)));
    }
    if (spec.type === 'string' && token.value === undefined) throw new UsageError(say.missingValue(token.rawName, FLAG_EXAMPLES[token.name]));
    if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) throw new UsageError(say.flagAsValue(token.rawName, token.value));
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(say.noValueAllowed(token.rawName));
  }
  try {
    return parseArgs(config);
  } catch {
    throw new UsageError(say.unreadableFlags);
  }
}
