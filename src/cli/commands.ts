// The command table: each command's usage, summary and implementation.
import type { Writable } from 'node:stream';

export interface CommandIo {
  readonly out: Writable;
  readonly err: Writable;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where data for another program goes (export's JSON): standard out, without the terminal filter. */
  readonly data?: Writable;
}

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Flags, one per line, shown by `malkoll <command> --help`. */
  readonly help?: string;
  /** Resolves to the process exit code. */
  readonly run: (args: readonly string[], io: CommandIo) => Promise<number>;
}

/** Exit codes: 0 ok, 1 the work failed, 2 wrong usage, 3 invalid input data. */
export const EXIT = { ok: 0, failed: 1, usage: 2, invalidInput: 3 } as const;
