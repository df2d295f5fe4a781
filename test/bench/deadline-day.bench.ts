// Issue 11's figure: deadline day on the region-scale dataset. 1 500 reporters each open the tab,
// load Att göra and save five entries within two hours, and the notify job runs at 07:00 — all
// against the one SharePoint budget of resource units the app has per minute. A sample of real
// reporters is measured through the real store code on the emulator's resource meter (the tab's
// session, its plan cache, saves by the follow-up rules, the whole notify run), and the morning is
// then laid out minute by minute for 1 500 of them. Running 1 500 browsers would measure the same
// units, only slower.
import type { FollowUpEntry, SubjectKind } from '../../src/core';
import type { RunningEmulator } from '../../src/emulator';
import { notifySettings, runNotify } from '../../src/jobs/notify';
import type { FollowUpStore, LoadedPlan, StoredEntry } from '../../src/store';
import { openSession } from '../../src/store';
import { PlanCache } from '../../src/tab/data/plan-cache';
import { SITE, startRegionEmulator } from './region-emulator';
import { random } from '../fixtures/region-scale';

const REPORTERS = 1500;
const WINDOW_MINUTES = 120;
const SAVES_PER_REPORTER = 5;
/** Minutes between one save and the next: reading, thinking, typing. */
const THINK_MINUTES = { min: 0.5, max: 2.4 } as const;
const PERIOD = '2025-annual';
const SAMPLE = 48;

/**
 * SharePoint's per-app limit of resource units per minute for 5 001–15 000 licences: 3 600 in the
 * revision of July 2024, 3 750 in that of March 2025; the tenant as a whole, 56 250 per 5 minutes.
 */
const APP_BUDGET_PER_MINUTE = 3600;
const APP_BUDGET_2025_REVISION = 3750;
const TENANT_BUDGET_PER_FIVE_MINUTES = 56_250;
const HEADROOM_GOAL = 2;

interface Profile {
  /** Site and list ids, once per browser (remembered afterwards). */
  readonly firstVisit: number;
  /** Att göra: the plan with last year's entries, the plan list for the picker, the change feeds. */
  readonly todo: number;
  readonly saves: readonly number[];
  /** Coming back to the plan later: by delta, and what a whole load would have cost. */
  readonly backByDelta: number;
  readonly backWhole: number;
}

const unitsSpent = (emulator: RunningEmulator) => emulator.resourceUnits.get().apps.reduce((sum, app) => sum + app.units, 0);

async function metered<T>(emulator: RunningEmulator, work: () => Promise<T>): Promise<{ value: T; units: number }> {
  emulator.resourceUnits.reset();
  const value = await work();
  return { value, units: unitsSpent(emulator) };
}

/** What a reporter changes: a comment everywhere, and for an åtgärd its status too. */
function editFor(kind: SubjectKind, current: StoredEntry | undefined, n: number): { comment: string; status?: NonNullable<FollowUpEntry['status']> } {
  const comment = `Rapporterat på deadlinedagen (${n + 1}).`;
  if (kind !== 'action') return { comment };
  return { comment, status: current?.status === 'in-progress' ? 'done' : 'in-progress' };
}

/** A reporter's work with the kinds taken in turn, so an åtgärd (the dearer save) is among the five when they own one. */
function byKindInTurn<T extends { readonly kind: SubjectKind }>(work: readonly T[]): T[] {
  const groups = ['goal', 'indicator', 'assignment', 'action'].map((kind) => work.filter((w) => w.kind === kind));
  const ordered: T[] = [];
  for (let i = 0; ordered.length < work.length; i += 1) for (const group of groups) if (group[i]) ordered.push(group[i] as T);
  return ordered;
}

/** One reporter, as the tab does it: session, Att göra, five saves, and later back to the plan. */
async function measureReporter(emulator: RunningEmulator, upn: string, planKey: string): Promise<Profile | undefined> {
  const token = emulator.issueToken({ upn }).access_token;
  const opened = await metered(emulator, () =>
    openSession({ graphUrl: emulator.graphUrl, siteRef: SITE, tokenSource: { getToken: () => Promise.resolve(token) }, who: { upn, displayName: upn } }),
  );
  const store: FollowUpStore = opened.value.store;
  const cache = new PlanCache(store);
  const todo = await metered(emulator, async () => {
    const [plan] = await Promise.all([cache.load(planKey), store.listPlans()]);
    cache.follow(planKey);
    await cache.following(planKey);
    return plan;
  });
  let plan: LoadedPlan = todo.value;
  const work = byKindInTurn(store.myWork(plan, upn, PERIOD));
  if (work.length === 0) return undefined;
  const saves: number[] = [];
  for (let n = 0; n < SAVES_PER_REPORTER; n += 1) {
    const item = work[n % work.length];
    if (!item) break;
    const base = plan.entries.find((e) => e.subjectKind === item.kind && e.subjectRef === item.ref && e.periodKey === PERIOD);
    const saved = await metered(emulator, () =>
      store.saveEntry(plan, { subjectKind: item.kind, subjectRef: item.ref, periodKey: PERIOD, edit: editFor(item.kind, base, n), base, confirmed: true }, upn),
    );
    if (saved.value.status !== 'saved') throw new Error(`${upn}: save of ${item.ref} answered ${saved.value.status}`);
    const { entry, action } = saved.value.saved;
    const entries = base ? plan.entries.map((e) => (e === base ? entry : e)) : [...plan.entries, entry];
    plan = { ...plan, entries, actions: action ? plan.actions.map((a) => (a.ref === action.ref ? { ...a, ...action } : a)) : plan.actions };
    cache.update(planKey, () => plan);
    saves.push(saved.units);
  }
  const back = await metered(emulator, () => cache.refresh(planKey));
  const whole = await metered(emulator, () => store.loadPlan(planKey));
  return { firstVisit: opened.units, todo: todo.units, saves, backByDelta: back.units, backWhole: whole.units };
}

/** Reporters with something to report in a 2025 plan, spread over the organisations. */
function sampleReporters(plans: readonly LoadedPlan[]): Array<{ upn: string; planKey: string }> {
  const seen = new Set<string>();
  const found: Array<{ upn: string; planKey: string }> = [];
  for (const plan of plans.filter((p) => p.plan.year === 2025)) {
    const owners = [...plan.goals, ...plan.indicators, ...plan.assignments, ...plan.actions].map((t) => t.ownerUpn).filter((u): u is string => !!u);
    for (const upn of owners) {
      if (seen.has(upn)) continue;
      seen.add(upn);
      found.push({ upn, planKey: `${plan.plan.organisationCode}:2025` });
    }
  }
  return found.slice(0, SAMPLE);
}

const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const sv = (n: number, digits = 0) => n.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const clockOf = (minute: number) => `${String(7 + Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.floor(minute % 60)).padStart(2, '0')}`;

/**
 * The morning minute by minute. Reporters come in growing numbers towards the deadline (density
 * rising linearly: half of them in the last half hour, twice the average rate at the end), each
 * opens the tab (first visit counted for all) and saves five times, a think apart; the job's
 * whole run lands in its first minute.
 */
function layOut(profiles: readonly Profile[], jobUnits: number): number[] {
  const draw = random(20251124);
  const perMinute = new Array<number>(WINDOW_MINUTES).fill(0);
  const add = (minute: number, units: number) => {
    const slot = Math.min(WINDOW_MINUTES - 1, Math.max(0, Math.floor(minute)));
    perMinute[slot] = (perMinute[slot] ?? 0) + units;
  };
  add(0, jobUnits);
  const latestStart = WINDOW_MINUTES - SAVES_PER_REPORTER * THINK_MINUTES.max;
  for (let r = 0; r < REPORTERS; r += 1) {
    const profile = profiles[r % profiles.length] as Profile;
    let at = latestStart * Math.sqrt(draw());
    add(at, profile.firstVisit + profile.todo);
    for (const save of profile.saves) {
      at += THINK_MINUTES.min + (THINK_MINUTES.max - THINK_MINUTES.min) * draw();
      add(at, save);
    }
  }
  return perMinute;
}

export async function benchDeadlineDay(print: (line: string) => void): Promise<void> {
  const started = performance.now();
  const region = await startRegionEmulator();
  const { emulator, dataset, store } = region;
  try {
    // Units, not time, are measured here: no added latency.
    emulator.faults.reset();
    const importUnits = unitsSpent(emulator);
    const plans = await store.loadAllPlans();
    const reporters = sampleReporters(plans);
    const profiles: Profile[] = [];
    for (const reporter of reporters) {
      const profile = await measureReporter(emulator, reporter.upn, reporter.planKey);
      if (profile) profiles.push(profile);
    }
    if (profiles.length === 0) throw new Error('no reporter with work in a 2025 plan');

    const job = await metered(emulator, () =>
      runNotify(store, {
        asOf: dataset.asOf,
        settings: notifySettings({}, { teamsAppId: '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f' }),
      }),
    );

    const saves = profiles.flatMap((p) => p.saves);
    const perReporter = average(profiles.map((p) => p.firstVisit + p.todo + p.saves.reduce((a, b) => a + b, 0)));
    const perMinute = layOut(profiles, job.units);
    const total = perMinute.reduce((a, b) => a + b, 0);
    const peak = Math.max(...perMinute);
    const peakAt = perMinute.indexOf(peak);
    const fiveMinutes = Math.max(...perMinute.map((_, i) => perMinute.slice(i, i + 5).reduce((a, b) => a + b, 0)));
    const headroom = APP_BUDGET_PER_MINUTE / peak;

    print(
      `deadline day: region-scale dataset (${dataset.documents.length} plans), ${sv(REPORTERS)} reporters each load Att göra and save ${SAVES_PER_REPORTER} entries ` +
        `in two hours (07:00–09:00), the notify job at 07:00; SharePoint resource units (RU) as the emulator meters Graph calls, ` +
        `${profiles.length} reporters measured through the store, the morning laid out for ${sv(REPORTERS)}:`,
    );
    print(
      `  per user action: open the tab ${sv(average(profiles.map((p) => p.firstVisit)), 1)} RU (site and list ids, first visit only); ` +
        `Att göra ${sv(average(profiles.map((p) => p.todo)), 1)} RU (plan and last year's entries, plan list, change feeds); ` +
        `save one entry ${sv(average(saves), 1)} RU (${Math.min(...saves)}–${Math.max(...saves)}: an åtgärd's status moves the Actions list too); ` +
        `back to a plan ${sv(average(profiles.map((p) => p.backByDelta)), 1)} RU by delta (${sv(average(profiles.map((p) => p.backWhole)), 1)} RU loaded whole)`,
    );
    print(
      `  per reporter ${sv(perReporter, 1)} RU; notify job ${sv(job.units)} RU (${job.value.overdueActions} overdue actions, ${job.value.notifications.length} recipients); ` +
        `the morning ${sv(total)} RU (for scale: provisioning and importing the region's plans took ${sv(importUnits)} RU, ${sv(importUnits / APP_BUDGET_PER_MINUTE, 0)} minutes of the budget)`,
    );
    print(
      `  peak ${sv(peak)} RU/min (${clockOf(peakAt)}) beside ${sv(APP_BUDGET_PER_MINUTE)} RU/min per app for a 5 000–15 000-licence tenant ` +
        `(${sv(APP_BUDGET_2025_REVISION)} in the 2025 revision): headroom ${sv(headroom, 2)}× (goal ≥ ${HEADROOM_GOAL}×)` +
        `${headroom >= HEADROOM_GOAL ? '' : '  ← BELOW GOAL'}; busiest 5 minutes ${sv(fiveMinutes)} RU beside the tenant's ${sv(TENANT_BUDGET_PER_FIVE_MINUTES)}`,
    );
    print(`  (bench ${sv((performance.now() - started) / 1000, 1)} s)`);
  } finally {
    await region.close();
  }
}

if (require.main === module) {
  benchDeadlineDay((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
