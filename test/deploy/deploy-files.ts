// The deployment files as the tests read them: teamsapp.yml (parsed), the env files, the Bicep's
// parameters, outputs and app settings, and the Agents Toolkit's order of variable definitions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile, placeholdersIn } from '../../src/cli/env-file';
import type { YamlValue } from './yaml-subset';
import { parseYamlSubset } from './yaml-subset';

export const ROOT = path.resolve(__dirname, '..', '..');
export const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

export type Step = { readonly uses: string; readonly [key: string]: YamlValue };
export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

export function teamsappYml(): Record<string, YamlValue> {
  return parseYamlSubset(read('teamsapp.yml')) as Record<string, YamlValue>;
}

export function steps(yml: Record<string, YamlValue>, lifecycle: (typeof LIFECYCLES)[number]): Step[] {
  const list = yml[lifecycle];
  return Array.isArray(list) ? (list as Step[]) : [];
}

export const envDev = (): Record<string, string> => parseEnvFile(read('env/.env.dev'));

export const BICEP = 'infra/azure.bicep';

/** `output NAME type = …` names of the Bicep file. */
export function bicepOutputs(bicep = read(BICEP)): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1] ?? '');
}

/** `param name type [= default]`, with whether a default exists. */
export function bicepParams(bicep = read(BICEP)): Map<string, { hasDefault: boolean }> {
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of bicep.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+(\s*=.*)?$/gm)) params.set(m[1] ?? '', { hasDefault: m[2] !== undefined });
  return params;
}

/** The text of one top-level `resource symbol '…' = {…}` block. */
export function bicepResource(symbol: string, bicep = read(BICEP)): string {
  const start = bicep.search(new RegExp(`^resource\\s+${symbol}\\s`, 'm'));
  if (start < 0) throw new Error(`no resource ${symbol} in ${BICEP}`);
  const next = bicep.slice(start + 1).search(/^(resource|output|param|var)\s/m);
  return next < 0 ? bicep.slice(start) : bicep.slice(start, start + 1 + next);
}

/** Every top-level resource block with its symbol. */
export function bicepResources(bicep = read(BICEP)): Array<{ symbol: string; type: string; text: string }> {
  return [...bicep.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@[^']+'/gm)].map((m) => ({ symbol: m[1] ?? '', type: m[2] ?? '', text: bicepResource(m[1] ?? '', bicep) }));
}

/** The Function App's CORS block (`siteConfig.cors`): its allowed origins and credentials setting. */
export function functionAppCors(bicep = read(BICEP)): { allowedOrigins: string[]; supportCredentials: string | undefined } | undefined {
  const block = /cors: \{\s*allowedOrigins: \[([^\]]*)\]\s*supportCredentials: (\w+)\s*\}/.exec(bicepResource('functionApp', bicep));
  if (!block) return undefined;
  return { allowedOrigins: (block[1] ?? '').split('\n').map((line) => line.trim()).filter(Boolean), supportCredentials: block[2] };
}

/** `var name = value` of the Bicep file (single-line values). */
export function bicepVar(name: string, bicep = read(BICEP)): string | undefined {
  return new RegExp(`^var\\s+${name}\\s*=\\s*(.+)$`, 'm').exec(bicep)?.[1]?.trim();
}

/** The keys of the Function App's `appsettings` config block. */
export function functionAppSettings(bicep = read(BICEP)): string[] {
  const block = bicepResource('appSettings', bicep);
  const properties = block.slice(block.indexOf('properties: {'));
  return [...properties.matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((m) => m[1] ?? '');
}

/** The files a step fills placeholders in, besides its own `with`. */
function filesOf(step: Step): string[] {
  const w = (step.with ?? {}) as Record<string, YamlValue>;
  switch (step.uses) {
    case 'aadApp/update':
      return [String(w.manifestPath)];
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return [String(w.manifestPath)];
    case 'arm/deploy':
      return (w.templates as Array<Record<string, YamlValue>>).flatMap((t) => (typeof t.parameters === 'string' ? [t.parameters] : []));
    default:
      return [];
  }
}

/**
 * Variables an action makes up itself when they are empty, before it fills its files. The toolkit's
 * schema (v1.13, aadApp/update): "If the manifest uses AAD_APP_ACCESS_AS_USER_PERMISSION_ID and the
 * environment variable is empty, this action will generate a random id and output it."
 */
const GENERATED_BY: Readonly<Record<string, readonly string[]>> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

/** The variables a step writes for the steps after it. */
function outputsOf(step: Step): string[] {
  const written = step.writeToEnvironmentFile;
  const names = written && typeof written === 'object' && !Array.isArray(written) ? Object.values(written).map(String) : [];
  names.push(...(GENERATED_BY[step.uses] ?? []));
  if (step.uses === 'arm/deploy') {
    const w = step.with as Record<string, YamlValue>;
    for (const t of w.templates as Array<Record<string, YamlValue>>) names.push(...bicepOutputs(read(String(t.path))));
  }
  return names;
}

export interface Use {
  readonly lifecycle: string;
  readonly step: number;
  readonly uses: string;
  readonly where: string;
  readonly name: string;
}

/**
 * Every placeholder a step uses (in its own text or a file it fills) that is neither in
 * env/.env.dev, nor in the step's own `env`, nor written by an earlier step, in the order the
 * toolkit runs them: provision, deploy, publish.
 */
export function undefinedPlaceholders(yml = teamsappYml(), env = envDev()): Use[] {
  const defined = new Set(Object.keys(env));
  const problems: Use[] = [];
  for (const lifecycle of LIFECYCLES) {
    steps(yml, lifecycle).forEach((step, index) => {
      const { writeToEnvironmentFile: _outputs, ...own } = step;
      const sources: Array<[string, string]> = [['teamsapp.yml', JSON.stringify(own)], ...filesOf(step).map((f): [string, string] => [f, read(f)])];
      const generated = new Set(GENERATED_BY[step.uses] ?? []);
      for (const [where, text] of sources) {
        for (const name of placeholdersIn(text)) if (!defined.has(name) && !generated.has(name)) problems.push({ lifecycle, step: index + 1, uses: step.uses, where, name });
      }
      for (const name of outputsOf(step)) defined.add(name);
    });
  }
  return problems;
}
