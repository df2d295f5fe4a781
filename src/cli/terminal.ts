// What reaches the terminal: text from plans and from Graph (titles, names, messages) may carry
// control characters, and an escape sequence in a goal's title must not recolour, move or
// retitle the user's terminal. Every line the command line prints passes through here; help is
// wrapped to the width of a terminal.
import { Writable } from 'node:stream';

/** ANSI escape sequences (CSI, OSC, two-character ESC): removed whole, not left half-printed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
/** C0 controls but tab and line feed, DEL and C1 controls (the carriage return too: it overwrites the line). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** Bidirectional embeddings, overrides and isolates: they reorder what the user reads. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI_CONTROL, '');
}

/** A stream that writes to `target` what forTerminal leaves of each chunk, in order. */
export function terminalStream(target: Writable): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      target.write(forTerminal(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
      done();
    },
  });
}

/** Columns a line takes: code points, so å, ä, ö and ✓ count as one. */
export const columns = (line: string): number => [...line].length;

/**
 * A line broken at spaces to `width` columns. Continuation lines are indented to `hangAt`, else to
 * where the line's description starts (after a flag column and two spaces), else two deeper.
 */
export function wrapLine(line: string, width: number, hangAt?: number): string[] {
  if (columns(line) <= width) return [line];
  const leading = /^ */.exec(line)?.[0].length ?? 0;
  const column = /^ *\S(?:.*?\S)?  +(?=\S)/.exec(line)?.[0];
  const hang = hangAt ?? (column !== undefined && columns(column) < width / 2 ? columns(column) : leading + 2);
  const lines: string[] = [];
  let current = '';
  for (const word of line.slice(leading).split(/ (?=\S)/)) {
    const prefix = lines.length === 0 && current === '' ? ' '.repeat(leading) : '';
    const candidate = current === '' ? `${prefix}${word}` : `${current} ${word}`;
    if (current !== '' && columns(candidate) > width) {
      lines.push(current);
      current = `${' '.repeat(hang)}${word.trimStart()}`;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

export function wrapText(text: string, width: number, hangAt?: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, hangAt))
    .join('\n');
}
