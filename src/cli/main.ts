// `malkoll <command>`: the one command line for local runs, provisioning, data exchange and jobs.
import type { Command, CommandIo } from './commands';
import { EXIT } from './commands';
import { UsageError } from './options';
import { doctorCommand } from './doctor.command';
import { grantCommand } from './grant.command';
import { exportCommand, importCommand, provisionCommand } from './plan-commands';
import { notifyCommand } from './notify.command';
import { reportCommand } from './report.command';
import { startCommand } from './start.command';
import { validateCommand } from './validate.command';

const COMMANDS: readonly Command[] = [startCommand, provisionCommand, importCommand, exportCommand, reportCommand, notifyCommand, validateCommand, grantCommand, doctorCommand];

function help(io: CommandIo): void {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  io.out.write(
    [
      'Målkoll — målstyrning och uppföljning i Teams och Excel över SharePoint-listor.',
      '',
      'Användning: malkoll <kommando> [flaggor]',
      '',
      'Kommandon:',
      ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
      '',
      'malkoll <kommando> --help visar hjälp för ett kommando.',
      '',
    ].join('\n'),
  );
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err.write(`Okänt kommando "${name}". Kör malkoll --help för att se kommandona.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(`Användning: ${command.usage}\n\n${command.summary}\n${command.help ? `\nFlaggor:\n${command.help}\n` : ''}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`${error.message}\nKör malkoll ${command.name} --help för hjälp.\n`);
      return EXIT.usage;
    }
    io.err.write(`malkoll ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
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
      process.stderr.write(`Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

if (require.main === module) runFromProcess();
