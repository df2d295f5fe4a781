// `npm run bench`: prints the project's performance figures. Each bench prints its own lines;
// `npm run bench -- store` runs only the benches whose names are given.
import { benchCore } from './core.bench';
import { benchDeadlineDay } from './deadline-day.bench';
import { benchEmulator } from './emulator.bench';
import { benchExcel } from './excel.bench';
import { benchLargePlan } from './large-plan.bench';
import { benchNotify } from './notify.bench';
import { benchOrgTree } from './org-tree.bench';
import { benchRemind } from './remind.bench';
import { benchReport } from './report.bench';
import { benchRound } from './round.bench';
import { benchStore } from './store.bench';
import { benchTab } from './tab.bench';

const BENCHES: Record<string, (print: (line: string) => void) => Promise<void>> = {
  core: benchCore,
  emulator: benchEmulator,
  store: benchStore,
  notify: benchNotify,
  remind: benchRemind,
  'deadline-day': benchDeadlineDay,
  report: benchReport,
  excel: benchExcel,
  tab: benchTab,
  'large-plan': benchLargePlan,
  round: benchRound,
  'org-tree': benchOrgTree,
};

async function run(): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const wanted = process.argv.slice(2);
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length === 0 || wanted.includes(name)) await bench(print);
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
