// Reading a JSON file for the command line: a refusal names the file, and for broken JSON the line,
// the column and what was expected there, with the line itself underneath. Node's own JSON.parse
// messages are English and, depending on the V8 version, carry a position or not; the scanner
// below finds the spot itself.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileProblem } from './failure';
import { texts } from './texts';

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const T = texts.json;

/** Reads and parses `file` (relative to `cwd`); never throws. */
export async function readJsonFile(cwd: string, file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    return { ok: false, message: fileProblem(error, file, false) };
  }
  return parseJsonText(text, file);
}

export function parseJsonText(raw: string, file: string): JsonRead {
  // Notepad on Windows saves UTF-8 with a byte-order mark; JSON.parse refuses it.
  const text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, message: T.empty(file) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const found = jsonSyntaxError(text) ?? { offset: text.trimEnd().length, problem: T.endedEarly };
    return { ok: false, message: describeAt(text, file, found) };
  }
}

function describeAt(text: string, file: string, found: { offset: number; problem: string }): string {
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = found.offset - lineStart + 1;
  const lineText = (text.slice(lineStart).split('\n')[0] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  // Long lines (minified JSON) are shown around the spot only.
  const from = Math.max(0, column - 60);
  const excerpt = `${from > 0 ? '…' : ''}${lineText.slice(from, from + 80)}${lineText.length > from + 80 ? '…' : ''}`;
  const caret = ' '.repeat(column - 1 - from + (from > 0 ? 1 : 0));
  const number = String(line);
  return [T.invalid(file, line, column, found.problem), `  ${number} | ${excerpt}`, `  ${' '.repeat(number.length)} | ${caret}^`, T.nothingWritten].join('\n');
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** Where a text stops being JSON (RFC 8259), and why; undefined when it is JSON. */
export function jsonSyntaxError(text: string): { offset: number; problem: string } | undefined {
  let i = 0;
  // A file that ends too early is shown where its last character is, not on an empty last line.
  const end = text.trimEnd().length;
  const stop = (problem: string, at = i): never => {
    throw new Stop(Math.min(at, problem === T.endedEarly ? end : at), problem);
  };
  const shown = (at: number): string => (at >= text.length ? 'slutet av filen' : text[at] === "'" ? T.singleQuote : T.character(text[at] ?? ''));
  const expect = (what: string): never => (i >= text.length ? stop(T.endedEarly) : stop(T.expected(what, shown(i))));
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const string = (): void => {
    i += 1;
    for (;;) {
      if (i >= text.length) stop(T.endedEarly);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) stop(T.controlInString);
      if (c === 0x5c) {
        const next = text[i + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else stop(T.badEscape);
      } else {
        i += 1;
      }
    }
    i += 1;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    const length = match?.[0].length ?? 0;
    const after = text[i + length] ?? '';
    if (length === 0 || /[\d.eE+-]/.test(after)) stop(T.badNumber);
    i += length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c !== undefined && /[A-Za-z_]/.test(c)) stop(T.expected(T.value, T.unknownWord(/^[\w$]+/.exec(text.slice(i))?.[0] ?? c)));
    expect(T.value);
  };
  const members = (close: string, member: () => void): void => {
    i += 1;
    space();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') expect(T.commaOrClose(close));
      const comma = i;
      i += 1;
      space();
      if (text[i] === close) stop(T.trailingComma(close), comma);
    }
  };
  const object = (): void =>
    members('}', () => {
      space();
      if (text[i] !== '"') expect(T.key);
      string();
      space();
      if (text[i] !== ':') expect(T.colon);
      i += 1;
      value();
    });
  const array = (): void => members(']', value);

  try {
    value();
    space();
    if (i < text.length) stop(T.afterEnd);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}
