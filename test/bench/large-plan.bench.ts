// A plan of 20 000 goals (issue 14): Att göra and the Plan view must stay usable. The plan is
// imported into an in-process emulator, then loaded with 100 ms added latency per request through
// the store, and the two views are rendered as the tab renders them (server-side, so the figure is
// React's work, not a browser's paint).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { GoalDoc, PlanDocument } from '../../src/core';
import { startEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import { provision } from '../../src/lists';
import { FollowUpStore, importPlan, openSite } from '../../src/store';
import { PlanView } from '../../src/tab/views/plan-view';
import { TodoView } from '../../src/tab/views/todo-view';
import { SV } from '../../src/ui';
import { LATENCY_MS, SITE } from './region-emulator';

const GOALS = 20_000;
const OWNER = 'anna.andersson@region.example';
/** Anna owns one goal in 200 and its styrtal: a realistic person's share of a huge plan. */
const OWNED_EVERY = 200;

function largePlan(): PlanDocument {
  const goals: GoalDoc[] = Array.from({ length: GOALS }, (_, i) => ({
    ref: `g${i + 1}`,
    kind: 'goal',
    title: `Mål ${i + 1}: verksamheten följer upp sitt arbete`,
    origin: 'board',
    ownerUpn: i % OWNED_EVERY === 0 ? OWNER : `person${i % 97}@region.example`,
    ...(i % OWNED_EVERY === 0 ? { indicators: [{ ref: `g${i + 1}-i1`, title: `Styrtal ${i + 1}`, valueType: 'numeric' as const, unit: '%', direction: 'increase' as const, target: 90, ownerUpn: OWNER }] } : {}),
  }));
  return {
    formatVersion: 1,
    organisation: { code: 'STOR', name: 'Den stora nämnden', parentCode: null, managerUpn: null },
    year: 2025,
    title: 'Den stora nämndens verksamhetsplan 2025',
    status: 'adopted',
    periods: [{ key: '2025-annual', deadline: '2026-01-31' }],
    goals,
    risks: [],
    followUps: [],
    people: [{ upn: OWNER, displayName: 'Anna Andersson' }],
  };
}

const ms = (start: number) => Math.round(performance.now() - start);

export async function benchLargePlan(print: (line: string) => void): Promise<void> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
  try {
    const token = emulator.issueToken({ app: true }).access_token;
    const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
    await provision(client, SITE);
    const store = new FollowUpStore(client, await openSite(client, SITE));
    const importStart = performance.now();
    await importPlan(store, largePlan());
    const imported = ms(importStart);
    emulator.faults.set({ latencyMs: LATENCY_MS });

    client.stats.reset();
    const loadStart = performance.now();
    const plan = await store.loadPlan('STOR:2025');
    const loaded = ms(loadStart);
    const roundTrips = client.stats.requests;

    const render = (element: ReturnType<typeof createElement>) => renderToString(createElement(FluentProvider, { theme: teamsLightTheme }, element));
    const todoStart = performance.now();
    const todo = render(createElement(TodoView, { store, plan, upn: OWNER, periodKey: '2025-annual', strings: SV, language: 'sv', onOpen: () => undefined }));
    const todoMs = ms(todoStart);
    const planStart = performance.now();
    const planHtml = render(createElement(PlanView, { plan, periodKey: '2025-annual', strings: SV, language: 'sv', onOpen: () => undefined }));
    const planMs = ms(planStart);

    print(`large plan: ${GOALS.toLocaleString('sv-SE')} goals (${plan.indicators.length} styrtal), imported in ${(imported / 1000).toFixed(1)} s; with ${LATENCY_MS} ms added latency:`);
    print(`  load: ${roundTrips} round trips, ${loaded} ms`);
    print(`  Att göra (${Math.round(todo.length / 1024)} kB of HTML): ${loaded + todoMs} ms to show (load ${loaded} + render ${todoMs}; goal < 2 000 ms)`);
    print(`  Plan (${Math.round(planHtml.length / 1024)} kB of HTML): ${loaded + planMs} ms to show (load ${loaded} + render ${planMs})`);
  } finally {
    await emulator.close();
  }
}
