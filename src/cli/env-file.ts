// The Agents Toolkit's environment files (env/.env.<name>) and its `${{NAME}}` placeholders, read
// the way the toolkit reads them, so that the local build, `malkoll doctor` and the tests fill the
// manifests exactly as `atk provision` would.

/** `${{ NAME }}`: the toolkit allows spaces inside the braces. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type EnvValues = Readonly<Record<string, string>>;

/** `KEY=value` lines; `#` comments and blank lines skipped; one pair of surrounding quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    values[key] = value;
  }
  return values;
}

/** Every placeholder name in a text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export class MissingVariablesError extends Error {
  constructor(
    readonly missing: readonly string[],
    where: string,
  ) {
    super(`${where}: ${missing.length === 1 ? 'variabeln' : 'variablerna'} ${missing.join(', ')} saknar värde. Sätt ${missing.length === 1 ? 'den' : 'dem'} i env-filen (till exempel env/.env.dev) eller kör atk provision.`);
    this.name = 'MissingVariablesError';
  }
}

/** The text with every placeholder filled; a name without a (non-empty) value is refused. */
export function substitute(text: string, values: EnvValues, where = 'mallen'): string {
  const missing = placeholdersIn(text).filter((name) => (values[name] ?? '') === '');
  if (missing.length > 0) throw new MissingVariablesError(missing, where);
  return text.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? '');
}
