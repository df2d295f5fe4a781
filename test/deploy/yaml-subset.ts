// A reader for the block-style YAML subset teamsapp.yml is written in (the project has no YAML
// dependency, and the toolkit cannot be installed as one): mappings, sequences of mappings or
// scalars, plain / single- / double-quoted scalars, `true`/`false`, numbers, comments. Anything
// outside the subset (flow collections, anchors, multi-line scalars, tabs) is refused with its
// line number, so the file cannot drift into YAML this reader would misread.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  readonly number: number;
  readonly indent: number;
  readonly text: string;
}

class YamlSubsetError extends Error {
  constructor(line: number, message: string) {
    super(`teamsapp.yml line ${line}: ${message}`);
  }
}

function stripComment(raw: string): string {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || raw[i - 1] === ' ' || raw[i - 1] === ':' || raw[i - 1] === '-') quote = c;
    } else if (c === '#' && (i === 0 || raw[i - 1] === ' ')) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new YamlSubsetError(i + 1, 'tabs are not allowed');
    const body = stripComment(raw).replace(/\s+$/, '');
    if (body.trim() === '') return;
    out.push({ number: i + 1, indent: body.length - body.trimStart().length, text: body.trim() });
  });
  return out;
}

function scalar(text: string, line: number): YamlValue {
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new YamlSubsetError(line, 'unterminated double-quoted scalar');
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new YamlSubsetError(line, 'unterminated single-quoted scalar');
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>%@`]/.test(text)) throw new YamlSubsetError(line, `"${text[0]}" starts a construct outside the subset`);
  if (/:\s/.test(text) || text.endsWith(':')) throw new YamlSubsetError(line, 'a plain scalar cannot contain ": "');
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** `key: value` or `key:`; the key is plain or quoted. */
function keyValue(text: string, line: number): { key: string; rest: string } | undefined {
  const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'#][^:]*?):(?:\s+(.*))?$/.exec(text);
  if (!match) return undefined;
  const rawKey = match[1] ?? '';
  const key = rawKey.startsWith('"') || rawKey.startsWith("'") ? String(scalar(rawKey, line)) : rawKey;
  return { key, rest: match[2] ?? '' };
}

function parseBlock(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const first = all[start];
  if (!first || first.indent < indent) return { value: null, next: start };
  if (first.text === '-' || first.text.startsWith('- ')) return parseSequence(all, start, first.indent);
  return parseMapping(all, start, first.indent);
}

function parseMapping(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const result: { [key: string]: YamlValue } = {};
  let i = start;
  while (i < all.length) {
    const line = all[i];
    if (!line || line.indent < indent) break;
    if (line.indent > indent) throw new YamlSubsetError(line.number, 'unexpected indentation');
    const pair = keyValue(line.text, line.number);
    if (!pair) throw new YamlSubsetError(line.number, `expected "key: value", got "${line.text}"`);
    if (pair.key in result) throw new YamlSubsetError(line.number, `duplicate key "${pair.key}"`);
    if (pair.rest !== '') {
      result[pair.key] = scalar(pair.rest, line.number);
      i += 1;
    } else {
      const child = all[i + 1];
      const nested = child && (child.indent > indent || (child.indent === indent && child.text.startsWith('- ')));
      if (nested && child) {
        const parsed = parseBlock(all, i + 1, child.indent);
        result[pair.key] = parsed.value;
        i = parsed.next;
      } else {
        result[pair.key] = null;
        i += 1;
      }
    }
  }
  return { value: result, next: i };
}

function parseSequence(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const items: YamlValue[] = [];
  let i = start;
  while (i < all.length) {
    const line = all[i];
    if (!line || line.indent < indent || !(line.text === '-' || line.text.startsWith('- '))) break;
    if (line.indent > indent) throw new YamlSubsetError(line.number, 'unexpected indentation');
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      const parsed = parseBlock(all, i + 1, indent + 1);
      items.push(parsed.value);
      i = parsed.next;
      continue;
    }
    if (keyValue(rest, line.number)) {
      // "- key: value" opens a mapping whose keys sit where "key" does.
      const itemIndent = indent + (line.text.length - rest.length);
      const lifted: Line[] = [{ number: line.number, indent: itemIndent, text: rest }];
      let j = i + 1;
      while (j < all.length && (all[j]?.indent ?? 0) >= itemIndent) {
        const next = all[j];
        if (next) lifted.push(next);
        j += 1;
      }
      items.push(parseMapping(lifted, 0, itemIndent).value);
      i = j;
      continue;
    }
    items.push(scalar(rest, line.number));
    i += 1;
  }
  return { value: items, next: i };
}

export function parseYamlSubset(text: string): YamlValue {
  const all = lines(text);
  const parsed = parseBlock(all, 0, 0);
  const stray = all[parsed.next];
  if (stray) throw new YamlSubsetError(stray.number, 'content after the document');
  return parsed.value;
}
