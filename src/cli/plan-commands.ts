// provision, import and export: the plan data path from the command line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, validatePlanDocument } from '../core';
import type { PlanDocument } from '../core';
import { provision } from '../lists';
import { InvalidPlanDocumentError, PlanNotFoundError, exportPlan, importPlan, peopleOf } from '../store';
import type { Command } from './commands';
import { EXIT } from './commands';
import { fileProblem } from './failure';
import { importReportLines } from './import-report';
import { openGraphSession } from './graph-session';
import { readJsonFile } from './json-file';
import { directoryEntries } from './local-seed';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { planNotFound } from './plans.command';
import { texts } from './texts';

export const provisionCommand: Command = {
  name: 'provision',
  usage: 'malkoll provision [--graph-url URL] [--site REF]',
  summary: 'Skapar listorna som saknas på webbplatsen; ändrar inget som redan stämmer och tar aldrig bort något.',
  help: GRAPH_FLAGS_HELP,
  async run(args, io) {
    const { values } = parse({ args: [...args], options: GRAPH_FLAGS });
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const report = await provision(session.client, session.target.site, { onProgress: (line) => io.out.write(`${line}\n`) });
    io.out.write(report.changes.length === 0 ? 'Allt stämmer redan; inget ändrades.\n' : `${report.changes.length} ändringar:\n${report.changes.map((c) => `  ${c}`).join('\n')}\n`);
    for (const d of report.drift) io.err.write(`Avvikelse som inte rättas automatiskt: ${d}\n`);
    return report.drift.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

const IMPORT_FLAGS = { ...GRAPH_FLAGS, 'overwrite-reported': { type: 'boolean' }, prune: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } as const;

export const importCommand: Command = {
  name: 'import',
  usage: 'malkoll import <plan.json> [--dry-run] [--prune] [--overwrite-reported] [--graph-url URL] [--site REF]',
  summary:
    'Läser in en plan (utbytesformat version 1); kontrolleras först, och en andra inläsning ändrar inget. En ny inläsning ändrar planens struktur: ' +
    'det som rapporterats i Målkoll efter dokumentet behålls och listas, lås och andra planers perioder lämnas orörda.',
  help: [
    '  --dry-run              visar vad som skulle ändras och skriver ingenting',
    '  --prune                arkiverar det planen har men dokumentet saknar (tas aldrig bort)',
    '  --overwrite-reported   skriver dokumentets uppföljningar och åtgärdsstatus över det som',
    '                         rapporterats i Målkoll efter dokumentet, och listar varje ändring',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parse({ args: [...args], options: IMPORT_FLAGS, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('Ange en planfil: malkoll import plan.json');
    const read = await readJsonFile(io.cwd, file);
    if (!read.ok) {
      io.err.write(`${read.message}\n`);
      return EXIT.invalidInput;
    }
    const validation = validatePlanDocument(read.value);
    if (!validation.ok) return reportInvalid(file, validation.issues, io.err);
    // A target whose kind the document leaves unclear still imports, with the plain-number rule.
    for (const warning of validation.warnings) io.err.write(`Varning: ${formatIssue(warning)}\n`);
    const target = graphTarget(values, io.env);
    const session = await openGraphSession(target, io.env);
    const people = validation.document.people ?? [];
    // A dry run writes nothing, the local directory included.
    const dryRun = values['dry-run'] === true;
    if (!dryRun && target.local && target.origin) {
      // Locally the directory is the emulator's: register the document's people so the plan is usable at once.
      const response = await fetch(`${target.origin}/_dev/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(directoryEntries(validation.document)) });
      if (!response.ok) throw new Error(`Emulatorn tog inte emot personerna: ${await response.text()}`);
    } else if (!dryRun && people.length > 0) {
      const known = new Set((await peopleOf(session.client, people.map((p) => p.upn))).map((p) => p.upn.toLowerCase()));
      const unknown = people.filter((p) => !known.has(p.upn.toLowerCase()));
      for (const p of unknown) io.err.write(`Okänd i Entra ID (skapas inte): ${p.upn} (${p.displayName})\n`);
    }
    try {
      const options = { dryRun, prune: values.prune === true, overwriteReported: values['overwrite-reported'] === true };
      const report = await importPlan(await session.store(), validation.document, (e) => (dryRun ? undefined : io.out.write(`${texts.import.step(e.done, e.total, e.phase)}\n`)), options);
      io.out.write(`${importReportLines(report).join('\n')}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof InvalidPlanDocumentError) return reportInvalid(file, error.issues, io.err);
      throw error;
    }
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage: 'malkoll export --plan ORG:ÅR [--out fil.json] [--graph-url URL] [--site REF]',
  summary: 'Skriver en plan med uppföljningar till utbytesformatet (till standard ut utan --out).',
  help: `  --plan ORG:ÅR     planen, till exempel RS:2025\n  --out FIL         filen att skriva\n${GRAPH_FLAGS_HELP}`,
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, plan: { type: 'string' }, out: { type: 'string' } } });
    if (!values.plan || !/^[^:]+:\d{4}$/.test(values.plan)) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    let doc: PlanDocument;
    try {
      doc = await exportPlan(store, values.plan);
    } catch (error) {
      if (!(error instanceof PlanNotFoundError)) throw error;
      io.err.write(`${await planNotFound(store, values.plan, session.target.site)}\n`);
      return EXIT.failed;
    }
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.out) {
      try {
        await writeFile(path.resolve(io.cwd, values.out), json, 'utf8');
      } catch (error) {
        io.err.write(`${fileProblem(error, values.out, true)}\n`);
        return EXIT.failed;
      }
      io.err.write(`Skrev ${values.out}.\n`);
    } else {
      (io.data ?? io.out).write(json);
    }
    return EXIT.ok;
  },
};

function reportInvalid(file: string, issues: readonly { path: string; message: string }[], err: NodeJS.WritableStream): number {
  err.write(`${file} är ogiltig (${issues.length} fel); inget har skrivits:\n`);
  for (const issue of issues.slice(0, 50)) err.write(`  ${formatIssue(issue)}\n`);
  return EXIT.invalidInput;
}
