import { formatIssue, validatePlanDocument } from '../core';
import type { Command } from './commands';
import { EXIT } from './commands';
import { readJsonFile } from './json-file';
import { UsageError, parse } from './options';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'malkoll validate <fil.json> …',
  summary: 'Kontrollerar planfiler (utbytesformat version 1) utan att skriva något.',
  help: '  En fil vars namn börjar med - skrivs efter --, till exempel malkoll validate -- -plan.json.',
  async run(args, io) {
    const { positionals } = parse({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('Ange minst en planfil: malkoll validate plan.json');
    let worst: number = EXIT.ok;
    for (const file of positionals) {
      const read = await readJsonFile(io.cwd, file);
      if (!read.ok) {
        io.err.write(`${read.message}\n`);
        worst = EXIT.invalidInput;
        continue;
      }
      const result = validatePlanDocument(read.value);
      if (result.ok) {
        const d = result.document;
        const goals = d.goals ?? [];
        const count = (f: (g: (typeof goals)[number]) => number) => goals.reduce((n, g) => n + f(g), 0);
        io.out.write(
          `${file}: giltig — ${d.organisation.name} ${d.year}: ${goals.length} mål, ${count((g) => g.indicators?.length ?? 0)} styrtal, ` +
            `${count((g) => g.assignments?.length ?? 0)} uppdrag, ${d.risks?.length ?? 0} risker, ${d.followUps?.length ?? 0} uppföljningar\n`,
        );
        for (const warning of result.warnings) io.err.write(`  Varning: ${formatIssue(warning)}\n`);
      } else {
        io.err.write(`${file}: ${result.issues.length} fel\n`);
        for (const issue of result.issues.slice(0, 50)) io.err.write(`  ${formatIssue(issue)}\n`);
        if (result.issues.length > 50) io.err.write(`  … och ${result.issues.length - 50} till\n`);
        worst = EXIT.invalidInput;
      }
    }
    return worst;
  },
};
