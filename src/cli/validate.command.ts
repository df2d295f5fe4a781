import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, validatePlanDocument } from '../core';
import type { Command } from './commands';
import { EXIT } from './commands';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'malkoll validate <fil.json> …',
  summary: 'Kontrollerar planfiler (utbytesformat version 1) utan att skriva något.',
  async run(args, io) {
    if (args.length === 0) {
      io.err.write('Ange minst en planfil: malkoll validate plan.json\n');
      return EXIT.usage;
    }
    let worst: number = EXIT.ok;
    for (const file of args) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(path.resolve(io.cwd, file), 'utf8'));
      } catch (error) {
        io.err.write(`${file}: kan inte läsas som JSON: ${error instanceof Error ? error.message : String(error)}\n`);
        worst = EXIT.invalidInput;
        continue;
      }
      const result = validatePlanDocument(parsed);
      if (result.ok) {
        const d = result.document;
        const goals = d.goals ?? [];
        const count = (f: (g: (typeof goals)[number]) => number) => goals.reduce((n, g) => n + f(g), 0);
        io.out.write(
          `${file}: giltig — ${d.organisation.name} ${d.year}: ${goals.length} mål, ${count((g) => g.indicators?.length ?? 0)} styrtal, ` +
            `${count((g) => g.assignments?.length ?? 0)} uppdrag, ${d.risks?.length ?? 0} risker, ${d.followUps?.length ?? 0} uppföljningar\n`,
        );
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
