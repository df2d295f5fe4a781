// `malkoll <command>`: the one command line for local runs, provisioning, data exchange and jobs.
import type { Command, CommandIo } from './commands';
import { EXIT } from './commands';
import { describeFailure } from './failure';
import { UsageError, closest } from './options';
import { doctorCommand } from './doctor.command';
import { grantCommand } from './grant.command';
import { exportCommand, importCommand, provisionCommand } from './plan-commands';
import { planCommand } from './plan.command';
import { plansCommand } from './plans.command';
import { notifyCommand } from './notify.command';
import { periodCommand } from './period.command';
import { remindCommand } from './remind.command';
import { reportCommand } from './report.command';
import { startCommand } from './start.command';
import { statusCommand } from './status.command';
import { terminalStream, wrapText } from './terminal';
import { HELP_WIDTH, texts } from './texts';
import { validateCommand } from './validate.command';

export const COMMANDS: readonly Command[] = [
  startCommand,
  provisionCommand,
  importCommand,
  exportCommand,
  plansCommand,
  planCommand,
  reportCommand,
  statusCommand,
  periodCommand,
  notifyCommand,
  remindCommand,
  validateCommand,
  grantCommand,
  doctorCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return wrapText(
    [
      texts.help.intro,
      '',
      texts.help.usage,
      '',
      texts.help.commands,
      ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      texts.help.more,
      texts.help.exitCodes,
      '',
    ].join('\n'),
    HELP_WIDTH,
  );
}

const NO_BREAK = '\u00a0';

function commandHelp(command: Command): string {
  // An optional flag and its value, [--site REF], stay on one line.
  const groups = command.usage.replace(/\[[^\]]*\]/g, (group) => group.replace(/ /g, NO_BREAK));
  const usage = wrapText(`${texts.help.commandUsage} ${groups}`, HELP_WIDTH, texts.help.commandUsage.length + 1).replaceAll(NO_BREAK, ' ');
  const summary = wrapText(command.summary, HELP_WIDTH, 0);
  const flags = command.help ? `\n${texts.help.flags}\n${wrapText(command.help, HELP_WIDTH)}\n` : '';
  return `${usage}\n\n${summary}\n${flags}`;
}

/**
 * Runs one command line. What the commands print passes through the terminal filter; an export
 * to standard out writes its JSON to `io.out` untouched (JSON escapes what would need it).
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const screen: CommandIo = { ...io, out: terminalStream(io.out), err: terminalStream(io.err), data: io.data ?? io.out };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const asked = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    screen.out.write(asked ? commandHelp(asked) : help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    screen.err.write(`${texts.usage.unknownCommand(name, closest(name, COMMANDS.map((c) => c.name)))}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    screen.out.write(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, screen);
  } catch (error) {
    if (error instanceof UsageError) {
      screen.err.write(`${error.message}\n${texts.usage.seeHelp(command.name)}\n`);
      return EXIT.usage;
    }
    screen.err.write(`${describeFailure(error, command.name)}\n`);
    if (io.env.MALKOLL_DEBUG === '1') screen.err.write(`${String((error as { stack?: unknown } | undefined)?.stack ?? error)}\n`);
    return EXIT.failed;
  }
}

/** Runs the command line in this process and sets its exit code. */
export function runFromProcess(): void {
  main(process.argv.slice(2), { out: process.stdout, err: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // main catches what commands throw; this is a fault in main itself.
      process.stderr.write(`${describeFailure(error, process.argv[2] ?? '')}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

if (require.main === module) runFromProcess();
