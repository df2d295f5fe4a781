// The Teams and Excel manifests as a tenant gets them: the Teams manifest's `${{…}}` placeholders
// filled from an environment (env/.env.local for the local run, the toolkit's environment when
// deploying), the add-in manifest moved to the deployed origin. One place, so the local build,
// `malkoll notify`, `malkoll doctor` and the tests fill them the same way.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestForOrigin } from '../addin/manifest-origin';
import type { EnvValues } from './env-file';
import { parseEnvFile, substitute } from './env-file';

export const TEAMS_MANIFEST = path.join('manifest', 'teams', 'manifest.json');
export const EXCEL_MANIFEST = path.join('manifest', 'excel', 'manifest.xml');
/** Committed localhost values for the local run. */
export const LOCAL_ENV_FILE = path.join('env', '.env.local');

/** The variables of an env file under `root`, or none when it does not exist. */
export function readEnvFile(root: string, file: string): Record<string, string> {
  const full = path.resolve(root, file);
  return existsSync(full) ? parseEnvFile(readFileSync(full, 'utf8')) : {};
}

export interface TeamsManifest {
  readonly id: string;
  readonly icons: { readonly color: string; readonly outline: string };
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: {
    readonly id: string;
    readonly resource?: string;
    readonly nestedAppAuthInfo?: ReadonlyArray<{ readonly redirectUri: string; readonly scopes: readonly string[] }>;
  };
  readonly [key: string]: unknown;
}

/** The manifest's text with the placeholders filled; refuses when a variable has no value. */
export function teamsManifestText(root: string, values: EnvValues): string {
  return substitute(readFileSync(path.join(root, TEAMS_MANIFEST), 'utf8'), values, TEAMS_MANIFEST);
}

export function teamsManifest(root: string, values: EnvValues): TeamsManifest {
  return JSON.parse(teamsManifestText(root, values)) as TeamsManifest;
}

/** The local run's manifest (env/.env.local), e.g. for the deep links of `malkoll notify`. */
export function localTeamsManifest(root: string): TeamsManifest {
  return teamsManifest(root, readEnvFile(root, LOCAL_ENV_FILE));
}

/** The add-in manifest for an origin; the local run's origin leaves it as it is. */
export function excelManifestFor(root: string, origin: string | undefined): string {
  const xml = readFileSync(path.join(root, EXCEL_MANIFEST), 'utf8');
  return origin === undefined ? xml : manifestForOrigin(xml, origin);
}
