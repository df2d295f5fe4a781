// Browser tests of the Teams tab against `npm start`'s servers on fresh data (the acceptance
// scenarios of issue 5, and the Aktivitet panel of issue 7). Run: npx tsx test/e2e/tab.e2e.ts
import { spawn } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { sendChanges } from '../../src/addin/send-changes';
import { frontEndTokens, loadAppConfig } from '../../src/auth';
import { entryOf, openSession } from '../../src/store';
import type { Servers, TestCase } from './harness';
import { ARTEFACTS, ROOT, assert, graphAs, launchChromium, runTests, startServers } from './harness';

const STAFF = 'johan.ekstrom@region.example';
const MANAGER = 'karin.lindqvist@region.example';
/** Manager of Jenny Sundberg, whose one RS 2024 action (r3-a1) is unfinished: one notification, for that action. */
const ACTION_MANAGER = 'anders.forsberg@region.example';
const ACTION_TITLE = 'Dokumentera och genomföra avstämningsrutiner för automatiskt attesterade fakturor.';
const INDICATOR = /Telefontillgängligheten i primärvård/;
const OTHER_INDICATOR = /Medicinsk bedömning primärvård inom 3 dagar/;
/** The plan's controller (RS), who sends back, approves and locks. */
const CONTROLLER = 'elin.strom@region.example';
const ROUND_INDICATOR = /Förtroende för hälso\/vårdcentraler/;
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

interface Fields {
  readonly Title?: string;
  readonly Value?: unknown;
  readonly Comment?: string;
  readonly ReportedByUpn?: string;
  readonly Assessment?: string;
  readonly Period?: string;
}

async function followUps(servers: Servers): Promise<Fields[]> {
  const graph = await graphAs(servers.origin, undefined);
  const site = (await graph('/sites/localhost:/sites/malkoll')) as { id: string };
  const lists = (await graph(`/sites/${site.id}/lists?$select=id,displayName`)) as { value: Array<{ id: string; displayName: string }> };
  const list = lists.value.find((l) => l.displayName === 'Uppföljningar');
  assert(list, 'the FollowUps list exists');
  const items = (await graph(`/sites/${site.id}/lists/${list.id}/items?$expand=fields&$top=5000`)) as { value: Array<{ fields: Fields }> };
  return items.value.map((i) => i.fields);
}

/** A controller's lock, written straight into the Periods list (the tab has no lock button yet). */
async function lockPeriod(servers: Servers, periodKey: string): Promise<void> {
  const token = ((await (await fetch(`${servers.origin}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ app: true }) })).json()) as { access_token: string }).access_token;
  const graph = await graphAs(servers.origin, undefined);
  const site = (await graph('/sites/localhost:/sites/malkoll')) as { id: string };
  const lists = (await graph(`/sites/${site.id}/lists?$select=id,displayName`)) as { value: Array<{ id: string; displayName: string }> };
  const list = lists.value.find((l) => l.displayName === 'Perioder');
  assert(list, 'the Periods list exists');
  const items = (await graph(`/sites/${site.id}/lists/${list.id}/items?$expand=fields&$top=5000`)) as { value: Array<{ id: string; fields: { Key?: string } }> };
  const item = items.value.find((i) => i.fields.Key === periodKey);
  assert(item, `the period ${periodKey} exists`);
  const answer = await fetch(`${servers.origin}/graph/v1.0/sites/${site.id}/lists/${list.id}/items/${item.id}/fields`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Locked: true }),
  });
  assert(answer.ok, `locking ${periodKey}: ${answer.status}`);
}

async function openAs(browser: Browser, servers: Servers, upn: string, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stdout.write(`    [page error] ${error.message}\n`));
  await page.goto(`${servers.origin}/?as=${encodeURIComponent(upn)}${query ? `&${query}` : ''}`);
  return page;
}

async function openEditor(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('heading', { name: 'Att göra' }).waitFor();
  await page.getByRole('button', { name }).first().click();
  await page.getByLabel('Kommentar').waitFor();
}

/** `E2E_ONLY='text|other' npm run test:e2e`: only the cases whose name contains one of the texts (while developing one). */
function selected(cases: readonly TestCase[]): readonly TestCase[] {
  const only = (process.env['E2E_ONLY'] ?? '').split('|').filter(Boolean);
  return only.length > 0 ? cases.filter((c) => only.some((text) => c.name.includes(text))) : cases;
}

/** A person's token for Målkoll's write API, as the tab gets it locally (the audience from /config.json's apiScope). */
async function writeApiToken(servers: Servers, upn: string): Promise<string> {
  const config = (await (await fetch(`${servers.origin}/config.json`)).json()) as { apiScope: string };
  const cut = config.apiScope.lastIndexOf('/');
  const answer = await fetch(`${servers.origin}/_dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn, audience: config.apiScope.slice(0, cut), scopes: [config.apiScope.slice(cut + 1)] }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** `malkoll notify` as a newcomer runs it, against the e2e's servers. */
function runNotifyCommand(servers: Servers, asOf: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'main.ts'), 'notify', '--as-of', asOf, '--graph-url', servers.graphUrl], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/**
 * axe over the page, failing on any serious or critical violation. One known false positive is set
 * aside, and only it: Tabster's focus sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden>`,
 * Fluent's keyboard navigation) are aria-hidden and focusable by design, since they only pass focus
 * on (microsoft/fluentui#27517 "By Design"; microsoft/tabster#288; Accessibility Insights suppresses
 * exactly this pair, microsoft/accessibility-insights-web#7605). Any other aria-hidden-focus counts.
 */
async function axeCheck(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0);
  assert(bad.length === 0, `axe on ${where}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`).join(' | ')}`);
}

async function main(): Promise<void> {
  process.stdout.write('Startar servrarna (npm start) på färska data …\n');
  const servers = await startServers();
  const browser = await launchChromium();
  try {
    const result = await runTests(selected([
      {
        name: 'a staff member picks themselves, enters "1 545" as Utfall of a percentage, is asked to confirm (nothing saved yet), confirms; the save goes through the write API (no write to Graph from the browser), and after a reload the values are there and Graph holds 1545 as a number, reported by them',
        async run() {
          const context = await browser.newContext({ locale: 'sv-SE' });
          const page = await context.newPage();
          // Every write leaves the browser for Målkoll's API, never for Graph: the person has only Read on the site.
          const writes: string[] = [];
          page.on('request', (request) => {
            if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
          });
          await page.goto(`${servers.origin}/`);
          await page.getByLabel('Person').selectOption(STAFF);
          await page.getByRole('button', { name: 'Fortsätt' }).click();
          await openEditor(page, INDICATOR);
          await page.getByLabel('Utfall').fill('1 545');
          await page.getByLabel('Bedömning').selectOption('partly');
          await page.getByLabel('Kommentar').fill('Utfallet följs upp varje vecka (e2e).');
          await page.getByRole('button', { name: 'Spara', exact: true }).click();
          await page.getByText('Kontrollera värdet').waitFor();
          await page.getByText(/är mer än 100 %\. Stämmer det\? Bekräfta för att spara ändå\./).first().waitFor();
          assert(!(await followUps(servers)).some((f) => f.Comment === 'Utfallet följs upp varje vecka (e2e).'), 'nothing is saved before the confirmation');
          await page.getByRole('button', { name: 'Spara ändå' }).click();
          await page.getByText('Sparat.').waitFor();
          // The address holds the open item: a reload lands in the same editor.
          await page.reload();
          await page.getByLabel('Kommentar').waitFor();
          assert(new URL(page.url()).searchParams.get('item')?.startsWith('indicator:') === true, `the address names the item: ${page.url()}`);
          assert(plain(await page.getByLabel('Utfall').inputValue()) === '1 545', `Utfall after reload: ${await page.getByLabel('Utfall').inputValue()}`);
          assert((await page.getByLabel('Bedömning').inputValue()) === 'partly', 'Bedömning after reload');
          assert((await page.getByLabel('Kommentar').inputValue()) === 'Utfallet följs upp varje vecka (e2e).', 'Kommentar after reload');
          const saved = (await followUps(servers)).find((f) => f.Comment === 'Utfallet följs upp varje vecka (e2e).');
          assert(saved, 'the entry is in the FollowUps list');
          assert(typeof saved.Value === 'number' && saved.Value === 1545, `Value in Graph: ${JSON.stringify(saved.Value)}`);
          assert(saved.ReportedByUpn === STAFF, `ReportedByUpn from the token: ${String(saved.ReportedByUpn)}`);
          const graphWrites = writes.filter((w) => !w.endsWith('/$batch') && w.includes('/graph/'));
          assert(graphWrites.length === 0 && writes.includes('POST /api/follow-ups'), `writes went to the API only: ${writes.join(', ')}`);
          await context.close();
        },
      },
      {
        name: '"12,3,4" is refused with a message and nothing is saved',
        async run() {
          const page = await openAs(browser, servers, STAFF);
          await openEditor(page, INDICATOR);
          await page.getByLabel('Utfall').fill('12,3,4');
          await page.getByLabel('Kommentar').fill('Ska inte sparas (e2e).');
          await page.getByRole('button', { name: 'Spara', exact: true }).click();
          await page.getByText('mer än ett decimalkomma').waitFor();
          await page.getByText('Inget sparades').waitFor();
          assert((await page.getByLabel('Utfall').inputValue()) === '12,3,4', 'the typed text stays');
          assert((await page.getByLabel('Kommentar').inputValue()) === 'Ska inte sparas (e2e).', 'the comment stays');
          const entries = await followUps(servers);
          assert(!entries.some((f) => f.Comment === 'Ska inte sparas (e2e).'), 'nothing was saved');
          assert(entries.some((f) => f.Value === 1545), 'the saved value is untouched');
          await page.context().close();
        },
      },
      {
        name: 'two browser contexts edit the same entry: the second save shows both versions, and after merging no text is lost',
        async run() {
          const first = await openAs(browser, servers, STAFF);
          const second = await openAs(browser, servers, STAFF);
          await openEditor(first, OTHER_INDICATOR);
          await openEditor(second, OTHER_INDICATOR);
          await first.getByLabel('Kommentar').fill('Text från första fönstret.');
          await first.getByRole('button', { name: 'Spara', exact: true }).click();
          await first.getByText('Sparat.').waitFor();
          await second.getByLabel('Kommentar').fill('Text från andra fönstret.');
          await second.getByRole('button', { name: 'Spara', exact: true }).click();
          await second.getByText('Någon annan har sparat under tiden').waitFor();
          assert((await second.getByTestId('conflict-theirs').innerText()).includes('Text från första fönstret.'), 'the saved version is shown');
          assert((await second.getByTestId('conflict-mine').innerText()).includes('Text från andra fönstret.'), 'my version is shown');
          await second.screenshot({ path: path.join(ARTEFACTS, 'conflict.png'), fullPage: true });
          await second.getByRole('button', { name: 'Slå ihop kommentarerna' }).click();
          const merged = await second.getByLabel('Kommentar').inputValue();
          assert(merged.includes('Text från första fönstret.') && merged.includes('Text från andra fönstret.'), `merged comment: ${merged}`);
          await second.getByRole('button', { name: 'Spara', exact: true }).click();
          await second.getByText('Sparat.').waitFor();
          const stored = (await followUps(servers)).find((f) => f.Comment?.includes('Text från andra fönstret.'));
          assert(stored?.Comment?.includes('Text från första fönstret.'), `both texts in Graph: ${stored?.Comment}`);
          await first.context().close();
          await second.context().close();
        },
      },
      {
        name: 'a manager sees an overdue action of a direct report in Försenade åtgärder',
        async run() {
          const page = await openAs(browser, servers, MANAGER, 'view=overdue&asOf=2026-11-23');
          await page.getByRole('heading', { name: 'Försenade åtgärder' }).waitFor();
          const row = page.locator('tr', { hasText: 'Eva Nyberg' }).first();
          await row.waitFor();
          const text = await row.innerText();
          assert(text.includes('Din medarbetare'), `reason shown: ${text}`);
          assert(/\d+ dagar försenad/.test(text), `days overdue shown: ${text}`);
          await page.context().close();
        },
      },
      {
        name: 'dark and high-contrast themes render (screenshots saved)',
        async run() {
          for (const theme of ['default', 'dark', 'contrast'] as const) {
            const page = await openAs(browser, servers, STAFF, `theme=${theme}`);
            await page.getByRole('heading', { name: 'Att göra' }).waitFor();
            const background = await page.locator('[data-theme]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
            if (theme === 'dark') assert(background !== 'rgb(255, 255, 255)', `dark background: ${background}`);
            if (theme === 'contrast') assert(background === 'rgb(0, 0, 0)', `high-contrast background: ${background}`);
            await page.screenshot({ path: path.join(ARTEFACTS, `theme-${theme}.png`), fullPage: true });
            await axeCheck(page, `Att göra (${theme})`);
            await page.context().close();
          }
        },
      },
      {
        name: 'axe finds no serious or critical violations on any view',
        async run() {
          const picker = await (await browser.newContext()).newPage();
          await picker.goto(`${servers.origin}/`);
          await picker.getByLabel('Person').waitFor();
          await axeCheck(picker, 'the user picker');
          await picker.context().close();
          const page = await openAs(browser, servers, MANAGER, 'asOf=2026-11-23&plan=RS:2024');
          await page.getByRole('heading', { name: 'Att göra' }).waitFor();
          await axeCheck(page, 'Att göra');
          await page.getByRole('tab', { name: 'Plan' }).click();
          await page.locator('#plan-heading').waitFor();
          await axeCheck(page, 'Plan');
          await page.getByRole('button').filter({ hasText: /.{20,}/ }).first().click();
          await page.getByLabel('Kommentar').waitFor();
          await axeCheck(page, 'the editor');
          await page.getByRole('button', { name: 'Stäng' }).click();
          await page.getByRole('tab', { name: 'Internkontroll' }).click();
          await page.getByRole('heading', { name: 'Internkontroll' }).waitFor();
          await page.getByText('Försenad', { exact: true }).first().waitFor();
          await axeCheck(page, 'Internkontroll');
          await page.getByRole('tab', { name: 'Försenade åtgärder' }).click();
          await page.locator('tr', { hasText: 'Eva Nyberg' }).first().waitFor();
          await axeCheck(page, 'Försenade åtgärder');
          await page.context().close();
        },
      },
      {
        name: 'after malkoll notify, a manager sees the notification in the Aktivitet panel and its link opens the action',
        async run() {
          const notify = await runNotifyCommand(servers, '2026-01-05');
          assert(notify.code === 0, `malkoll notify exited with ${notify.code}:\n${notify.output}`);
          const page = await openAs(browser, servers, ACTION_MANAGER);
          const panel = page.locator('#activity-panel');
          // The job cuts titles at 80 characters in the template parameters.
          const mine = panel
            .getByRole('listitem')
            .filter({ hasText: 'Till Anders Forsberg' })
            .filter({ hasText: /Dokumentera och genomföra avstämningsrutiner .*… är försenad med 370 dagar/ });
          await mine.waitFor();
          assert((await panel.getByRole('listitem').count()) === 1, 'one notification for the manager');
          assert((await mine.innerText()).includes('Till Anders Forsberg'), `recipient shown: ${await mine.innerText()}`);
          const sentAt = Date.parse((await mine.locator('time').getAttribute('datetime')) ?? '');
          assert(Math.abs(Date.now() - sentAt) < 10 * 60_000, `the time it was sent: ${sentAt}`);
          await axeCheck(page, 'the Aktivitet panel');
          // Everyone's: the owner's own notification of the same action is there too.
          await panel.getByRole('switch', { name: 'Visa allas' }).click();
          await panel.getByRole('listitem').filter({ hasText: 'Till Jenny Sundberg' }).first().waitFor();
          await panel.getByRole('switch', { name: 'Visa allas' }).click();
          await mine.waitFor();
          await page.waitForFunction(() => document.querySelectorAll('#activity-panel li').length === 1);
          await page.screenshot({ path: path.join(ARTEFACTS, 'activity-panel.png'), fullPage: true });
          // The link is the one Teams would open, as the local page: the action's editor in RS 2024.
          await mine.getByRole('link', { name: /^Öppna åtgärden/ }).click();
          await page.waitForURL(/subPageId=RS%3A2024%2Faction%2Fr3-a1/);
          await page.getByText(`Rapportera: ${ACTION_TITLE}`).waitFor();
          await page.getByLabel('Status').waitFor();
          await page.getByLabel('Kommentar').waitFor();
          await page.context().close();
        },
      },
      {
        name: 'English when the locale says so',
        async run() {
          const page = await openAs(browser, servers, STAFF, 'locale=en-us');
          await page.getByRole('heading', { name: 'To do' }).waitFor();
          assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is en');
          await page.context().close();
        },
      },
      {
        name: 'on a phone (390 × 844) no view scrolls sideways or shows an address, and Att göra reports an outcome; screenshots at 390 and 1280 px',
        async run() {
          for (const width of [390, 1280]) {
            const context = await browser.newContext({ viewport: { width, height: 844 }, locale: 'sv-SE' });
            const page = await context.newPage();
            for (const [view, who, ready] of [
              ['todo', STAFF, 'Att göra'],
              ['plan', STAFF, '#plan-heading'],
              ['internal-control', STAFF, 'Internkontroll'],
              ['overdue', MANAGER, 'Försenade åtgärder'],
            ] as const) {
              await page.goto(`${servers.origin}/?as=${encodeURIComponent(who)}&view=${view}&asOf=2026-01-05`);
              if (ready.startsWith('#')) await page.locator(ready).waitFor();
              else await page.getByRole('heading', { name: ready }).waitFor();
              await page.waitForLoadState('networkidle');
              const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
              assert(fit.scroll <= fit.inner, `${view} at ${width} px scrolls sideways: ${fit.scroll} > ${fit.inner}`);
              const addresses = await page.evaluate(() => document.body.innerText.match(/[^\s@]+@[^\s@]+\.[a-z]{2,}/gi) ?? []);
              assert(addresses.length === 0, `${view} shows addresses: ${addresses.slice(0, 3).join(', ')}`);
              await page.screenshot({ path: path.join(ARTEFACTS, `${view}-${width}.png`) });
            }
            if (width === 390) {
              await page.goto(`${servers.origin}/?as=${encodeURIComponent(STAFF)}`);
              await openEditor(page, OTHER_INDICATOR);
              await page.getByLabel('Utfall').fill('77');
              await page.getByRole('button', { name: 'Spara', exact: true }).click();
              await page.getByText('Sparat.').waitFor();
              const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
              assert(fit.scroll <= fit.inner, `the editor at 390 px scrolls sideways: ${fit.scroll}`);
              await page.screenshot({ path: path.join(ARTEFACTS, 'editor-390.png') });
            }
            await context.close();
          }
        },
      },
      {
        name: 'keyboard only: Enter opens the editor with focus in its first field, Escape returns focus to the row, a refused save focuses the field with its message',
        async run() {
          const page = await openAs(browser, servers, STAFF);
          await page.getByRole('heading', { name: 'Att göra' }).waitFor();
          const row = page.getByRole('button', { name: INDICATOR }).first();
          await row.focus();
          await page.keyboard.press('Enter');
          await page.getByLabel('Kommentar').waitFor();
          const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, label: document.activeElement?.id ? document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent : '' }));
          assert(focused.tag === 'INPUT' && focused.label === 'Utfall', `focus after opening: ${JSON.stringify(focused)}`);
          await page.keyboard.press('Escape');
          await page.getByRole('heading', { name: 'Att göra' }).waitFor();
          await page.waitForFunction(() => document.activeElement?.getAttribute('data-open')?.startsWith('indicator:') === true);
          await page.keyboard.press('Enter');
          await page.getByLabel('Kommentar').waitFor();
          await page.keyboard.press('Control+A');
          await page.keyboard.type('12,3,4');
          await page.keyboard.press('Enter');
          await page.getByText('mer än ett decimalkomma').first().waitFor();
          const refused = await page.evaluate(() => {
            const input = document.activeElement as HTMLInputElement | null;
            const described = (input?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
            return { tag: input?.tagName, value: input?.value, described };
          });
          assert(refused.tag === 'INPUT' && refused.value === '12,3,4', `focus after a refusal: ${JSON.stringify(refused)}`);
          assert(refused.described.includes('decimalkomma'), `the message is tied to the field: ${refused.described}`);
          await page.context().close();
        },
      },
      {
        name: 'axe after signing in through the person picker: no serious or critical violation on any view, in light, dark and high contrast',
        async run() {
          for (const theme of ['default', 'dark', 'contrast'] as const) {
            const context = await browser.newContext({ locale: 'sv-SE' });
            const page = await context.newPage();
            await page.goto(`${servers.origin}/?theme=${theme}&asOf=2026-01-05`);
            await page.getByLabel('Person').selectOption(MANAGER);
            await page.getByRole('button', { name: 'Fortsätt' }).click();
            await page.getByRole('heading', { name: 'Att göra' }).waitFor();
            await axeCheck(page, `Att göra (${theme})`);
            for (const [tab, ready] of [['Plan', '#plan-heading'], ['Internkontroll', '#ic-heading'], ['Försenade åtgärder', '#overdue-heading']] as const) {
              await page.getByRole('tab', { name: tab }).click();
              await page.locator(ready).waitFor();
              await page.waitForLoadState('networkidle');
              await axeCheck(page, `${tab} (${theme})`);
            }
            await page.getByRole('tab', { name: 'Plan' }).click();
            await page.locator('#plan-heading').waitFor();
            await page.getByRole('button').filter({ hasText: /.{20,}/ }).first().click();
            await page.getByLabel('Kommentar').waitFor();
            await axeCheck(page, `the editor (${theme})`);
            await context.close();
          }
        },
      },
      {
        name: 'the task pane at Excel\'s 320 px: the pickers fit with the year in view, the open period is chosen, and outside Excel it previews the tables',
        async run() {
          const context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: 'sv-SE' });
          const page = await context.newPage();
          // Office's script comes from Microsoft's CDN, out of reach here; outside Excel the pane runs without it.
          await page.route('**/office.js', (route) => route.abort());
          await page.goto(`${servers.origin}/addin/taskpane.html`);
          await page.getByLabel('Person (lokal körning)').selectOption(STAFF);
          await page.getByRole('button', { name: 'Logga in', exact: true }).click();
          await page.getByLabel('Plan', { exact: true }).selectOption('RS:2025');
          await page.getByText('Förhandsgranskning av tabellerna').waitFor();
          const period = await page.getByLabel('Period', { exact: true }).inputValue();
          assert(period === '2025-annual', `the open period is chosen: ${period}`);
          const label = await page.getByLabel('Plan', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
          assert(label.startsWith('2025 · '), `the year leads the plan's label: ${label}`);
          const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          assert(fit.scroll <= fit.inner, `the task pane scrolls sideways: ${fit.scroll} > ${fit.inner}`);
          await page.screenshot({ path: path.join(ARTEFACTS, 'taskpane-320.png') });
          await context.close();
        },
      },
      {
        name: 'the reporting round: the reporter saves and marks klar and finds it read-only; the controller sends it back; the reporter sees it in Aktivitet, edits and marks klar; the controller approves and locks; the tab shows the lock and the add-in is refused',
        async run() {
          const query = 'plan=RS%3A2025&period=2025-annual';
          const sentBack = 'Ange källan för utfallet (e2e).';
          // The reporter saves an outcome and marks it klar: from then on it is read-only to them.
          const reporter = await openAs(browser, servers, STAFF, query);
          await openEditor(reporter, ROUND_INDICATOR);
          await reporter.getByLabel('Utfall').fill('62');
          await reporter.getByRole('button', { name: 'Spara', exact: true }).click();
          await reporter.getByText('Sparat.').waitFor();
          await reporter.getByRole('button', { name: 'Markera som klar' }).click();
          await reporter.getByText('Markerad som klar.').waitFor();
          await reporter.getByText(/markerad som klar och kan inte ändras/).waitFor();
          assert(await reporter.getByLabel('Utfall').isDisabled(), 'Utfall is read-only once klar');
          assert(await reporter.getByLabel('Kommentar').isDisabled(), 'Kommentar is read-only once klar');
          assert(await reporter.getByRole('button', { name: 'Spara', exact: true }).isDisabled(), 'Spara is disabled once klar');
          await reporter.getByRole('button', { name: 'Öppna igen' }).waitFor();
          const item = new URL(reporter.url()).searchParams.get('item') ?? '';
          assert(item.startsWith('indicator:'), `the address names the item: ${reporter.url()}`);

          // The controller sends it back, with the comment the form asks for.
          const controller = await openAs(browser, servers, CONTROLLER, `${query}&item=${encodeURIComponent(item)}`);
          await controller.getByTestId('round-state').getByText('Klar', { exact: true }).waitFor();
          await controller.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
          await controller.getByRole('button', { name: 'Skicka tillbaka med kommentaren' }).click();
          await controller.getByText('Skriv en kommentar som säger vad som behöver ändras.').first().waitFor();
          await controller.getByRole('textbox', { name: /Vad behöver ändras/ }).fill(sentBack);
          await axeCheck(controller, "the editor with the round's steps (controller)");
          await controller.getByRole('button', { name: 'Skicka tillbaka med kommentaren' }).click();
          await controller.getByText('Skickad tillbaka till rapportören.').waitFor();

          // The reporter's Aktivitet shows the send-back; the comment is in the editor; they edit and mark klar again.
          await reporter.reload();
          await reporter
            .locator('#activity-panel')
            .getByRole('listitem')
            .filter({ hasText: 'Elin Ström skickade tillbaka' })
            .filter({ hasText: sentBack })
            .waitFor();
          await reporter.getByTestId('return-comment').getByText(sentBack).waitFor();
          await reporter.getByTestId('round-state').getByText('Återremitterad').waitFor();
          await axeCheck(reporter, 'the editor with a send-back (reporter)');
          assert(!(await reporter.getByLabel('Kommentar').isDisabled()), 'a sent-back entry can be edited again');
          await reporter.getByLabel('Kommentar').fill('Källa: Hälso- och sjukvårdsbarometern 2025 (e2e).');
          await reporter.getByRole('button', { name: 'Spara och markera klar' }).click();
          await reporter.getByText('Markerad som klar.').waitFor();
          assert(await reporter.getByLabel('Kommentar').isDisabled(), 'klar again, read-only again');
          await reporter.screenshot({ path: path.join(ARTEFACTS, 'round-reporter-klar.png'), fullPage: true });

          // The controller approves, then locks: refused while other items are not approved, so "Lås ändå".
          await controller.reload();
          await controller.getByTestId('round-state').getByText('Klar', { exact: true }).waitFor();
          await controller.getByRole('button', { name: 'Godkänn' }).click();
          await controller.getByText('Godkänd.').waitFor();
          await controller.getByRole('button', { name: 'Stäng' }).click();
          await controller.getByRole('button', { name: 'Lås perioden' }).click();
          await controller.getByText(/^Perioden låstes inte: \d+ poster är inte godkända\.$/).waitFor();
          await controller.screenshot({ path: path.join(ARTEFACTS, 'round-lock-refused.png'), fullPage: true });
          await controller.getByRole('button', { name: 'Lås ändå' }).click();
          await controller.getByTestId('period-locked').filter({ hasText: /^Låst av Elin Ström \d+ \p{L}+$/u }).waitFor();
          await controller.getByRole('button', { name: 'Lås upp' }).waitFor();
          await axeCheck(controller, 'Att göra with the lock (controller)');

          // The tab shows the period locked to the reporter, read-only through the rules.
          await reporter.reload();
          await reporter.getByText(/Perioden är låst \(Helår 2025\)/).waitFor();
          assert(await reporter.getByLabel('Kommentar').isDisabled(), 'the locked period cannot be changed');
          await reporter.getByRole('button', { name: 'Stäng' }).click();
          const lockLine = await reporter.getByTestId('period-locked').innerText();
          assert(/^Låst av Elin Ström \d+ \p{L}+$/u.test(lockLine), `the lock, by name and day: ${lockLine}`);
          assert((await reporter.getByRole('button', { name: /Lås/ }).count()) === 0, 'a reporter has no lock buttons');
          // On a phone the lock line and the controller's button fit, by name, never by address.
          for (const page of [reporter, controller]) {
            await page.setViewportSize({ width: 390, height: 844 });
            await page.getByTestId('period-locked').waitFor();
            const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
            assert(fit.scroll <= fit.inner, `the locked period at 390 px scrolls sideways: ${fit.scroll} > ${fit.inner}`);
            const addresses = await page.evaluate(() => document.body.innerText.match(/[^\s@]+@[^\s@]+\.[a-z]{2,}/gi) ?? []);
            assert(addresses.length === 0, `addresses shown: ${addresses.slice(0, 3).join(', ')}`);
          }
          await controller.screenshot({ path: path.join(ARTEFACTS, 'round-locked-390.png'), fullPage: true });

          // The add-in's write-back: its session (dev tokens, the write API) and its sendChanges, as the task pane sends a Data row.
          const loaded = await loadAppConfig(`${servers.origin}/config.json`);
          assert(loaded.ok, `config.json: ${loaded.ok ? '' : loaded.problems.join(' ')}`);
          const tokens = frontEndTokens(loaded.config, { upn: CONTROLLER }, servers.origin);
          const session = await openSession({ graphUrl: loaded.config.graphUrl, siteRef: loaded.config.siteRef, who: { upn: CONTROLLER, displayName: 'Elin Ström' }, tokenSource: tokens.graph, ...(tokens.writeApi ? { writeApi: tokens.writeApi } : {}) });
          assert(session.writeApi, 'the add-in writes through the write API');
          const plan = await session.store.loadPlan('RS:2025');
          const [, ref = ''] = item.split(':');
          const current = entryOf(plan, 'indicator', ref, '2025-annual');
          assert(current?.state === 'approved', `the entry is approved: ${current?.state}`);
          const [outcome] = await sendChanges(
            session.store,
            plan,
            [
              {
                row: 0,
                key: `indicator:${ref}:2025-annual`,
                title: 'Förtroende för hälso/vårdcentraler',
                base: { subjectKind: 'indicator', subjectRef: ref, periodKey: '2025-annual', entryItemId: current.itemId, eTag: current.eTag, original: { value: current.value ?? null, assessment: current.assessment ?? null, comment: current.comment ?? null }, editable: ['value', 'assessment', 'comment'] },
                edit: { comment: 'Ändrat i Excel efter låsningen (e2e).' },
                fields: [{ field: 'comment', label: 'Kommentar', from: current.comment ?? '', to: 'Ändrat i Excel efter låsningen (e2e).' }],
              },
            ],
            { upn: CONTROLLER },
          );
          assert(outcome?.status === 'refused' && /låst/i.test(outcome.reason), `the write-back is refused as locked: ${JSON.stringify(outcome)}`);
          assert(!(await followUps(servers)).some((f) => f.Comment === 'Ändrat i Excel efter låsningen (e2e).'), 'nothing was written');
          await reporter.context().close();
          await controller.context().close();
        },
      },
      {
        name: 'a locked period is read-only in the tab: "Perioden är låst", no enabled Spara, and the fields cannot be changed',
        async run() {
          await lockPeriod(servers, '2025-annual');
          const page = await openAs(browser, servers, STAFF, 'plan=RS%3A2025&period=2025-annual');
          await openEditor(page, OTHER_INDICATOR);
          await page.getByText(/Perioden är låst \(Helår 2025\)/).waitFor();
          assert(await page.getByRole('button', { name: 'Spara', exact: true }).isDisabled(), 'Spara is disabled');
          assert(await page.getByLabel('Kommentar').isDisabled(), 'the comment cannot be changed');
          await page.context().close();
        },
      },
      {
        name: 'plan editor, controller: in a draft copy of RS 2025, Elin Ström adds a styrtal with the range 77–80 % under a goal and picks Maria Holm by name; once adopted it is in Maria\'s Att göra, and the suggestion follows the range below, inside and above',
        async run() {
          // Next year's plan as a draft, by the controller's own right (the write API's copy).
          const copied = await fetch(`${servers.origin}/api/plans/copy`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${await writeApiToken(servers, CONTROLLER)}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ plan: 'RS:2025', toYear: 2026 }),
          });
          assert(copied.ok, `copy RS:2025 to 2026: ${copied.status} ${await copied.text()}`);
          const title = 'Andel besök inom 7 dagar (e2e)';
          const controller = await openAs(browser, servers, CONTROLLER, 'plan=RS%3A2026');
          await controller.getByRole('tab', { name: 'Redigera plan' }).click();
          await controller.getByRole('heading', { name: /^Redigera plan: / }).waitFor();
          await controller.getByTestId('plan-status').getByText('Utkast', { exact: true }).waitFor();
          await controller.getByRole('button', { name: /^Lägg till styrtal: / }).first().click();
          await controller.getByRole('heading', { name: 'Nytt styrtal' }).waitFor();
          await controller.getByLabel('Titel').fill(title);
          await controller.getByLabel('Enhet').fill('%');
          await controller.getByLabel('Typ av målvärde').selectOption('range');
          await controller.getByLabel('Från').fill('80');
          await controller.getByLabel('Till').fill('77');
          // The one validator, at the field, before anything is sent.
          await controller.getByText('targetMax är mindre än target; den övre gränsen ska vara störst').waitFor();
          await controller.getByLabel('Från').fill('77');
          await controller.getByLabel('Till').fill('80');
          assert(plain(await controller.getByTestId('target-preview').innerText()) === 'Visas som: 77–80 %', `the target as printed: ${await controller.getByTestId('target-preview').innerText()}`);
          await controller.getByLabel('Sök ansvarig').fill('Maria');
          const owner = controller.getByLabel('Ansvarig', { exact: true });
          const maria = owner.locator('option', { hasText: 'Maria Holm' });
          await maria.waitFor({ state: 'attached' });
          await owner.selectOption((await maria.getAttribute('value')) ?? '');
          await axeCheck(controller, 'the plan editor\'s form');
          await controller.getByRole('button', { name: 'Spara', exact: true }).click();
          await controller.getByText(`Sparat: ${title}.`).waitFor();
          const row = controller.locator('li', { hasText: title }).last();
          assert(plain(await row.innerText()).includes('Målvärde: 77–80 %') && (await row.innerText()).includes('Ansvarig: Maria Holm'), `the new styrtal: ${await row.innerText()}`);
          await axeCheck(controller, 'Redigera plan');
          await controller.setViewportSize({ width: 390, height: 844 });
          const fit = await controller.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          assert(fit.scroll <= fit.inner, `Redigera plan at 390 px scrolls sideways: ${fit.scroll} > ${fit.inner}`);
          const addresses = await controller.evaluate(() => document.body.innerText.match(/[^\s@]+@[^\s@]+\.[a-z]{2,}/gi) ?? []);
          assert(addresses.length === 0, `Redigera plan shows addresses: ${addresses.slice(0, 3).join(', ')}`);
          await controller.screenshot({ path: path.join(ARTEFACTS, 'plan-edit-390.png') });
          await controller.setViewportSize({ width: 1280, height: 900 });
          // Adopting: a question first, then who and when, by name.
          await controller.getByRole('button', { name: 'Fastställ planen' }).click();
          await controller.getByRole('button', { name: 'Ja, fastställ' }).click();
          await controller.getByText('Planen är fastställd.').waitFor();
          await controller.getByTestId('plan-status').getByText(/^Fastställd av Elin Ström /).waitFor();
          await controller.context().close();

          const reporter = await openAs(browser, servers, 'maria.holm@region.example', 'plan=RS%3A2026&period=2026-interim');
          await openEditor(reporter, /Andel besök inom 7 dagar \(e2e\)/);
          const suggestion = async (outcome: string) => {
            await reporter.getByLabel('Utfall').fill(outcome);
            const hint = reporter.getByText(/^Förslag enligt reglerna: /);
            await hint.waitFor();
            return hint.innerText();
          };
          // targets.ts: a range is met from its lower to its upper bound; above the range is not met either.
          assert((await suggestion('76')) === 'Förslag enligt reglerna: Större negativ avvikelse / har inte uppnåtts', 'below the range: not achieved');
          assert((await suggestion('78')) === 'Förslag enligt reglerna: Uppnått eller överträffat målnivån', 'inside the range: achieved');
          assert((await suggestion('81')) === 'Förslag enligt reglerna: Större negativ avvikelse / har inte uppnåtts', 'above the range: not achieved');
          await reporter.getByLabel('Utfall').fill('78');
          await reporter.getByRole('button', { name: 'Spara', exact: true }).click();
          await reporter.getByText('Sparat.').waitFor();
          await reporter.context().close();
        },
      },
      {
        name: 'plan editor, staff: Johan Ekström sees no Redigera plan and no edit controls on any view, and the write API refuses his plan write with 403 in Swedish',
        async run() {
          const page = await openAs(browser, servers, STAFF, 'plan=RS%3A2025');
          await page.getByRole('heading', { name: 'Att göra' }).waitFor();
          const editControls = () => page.getByRole('button', { name: /^(Lägg till|Flytta upp|Flytta ned|Ta bort|Fastställ planen|Arkivera planen)/ }).count();
          for (const [tab, ready] of [['Att göra', '#todo-heading'], ['Plan', '#plan-heading'], ['Internkontroll', '#ic-heading']] as const) {
            if (tab !== 'Att göra') await page.getByRole('tab', { name: tab }).click();
            if (tab !== 'Att göra') await page.locator(ready).waitFor();
            assert((await page.getByRole('tab', { name: 'Redigera plan' }).count()) === 0, `no Redigera plan in the tabs (${tab})`);
            assert((await editControls()) === 0, `no edit controls on ${tab}`);
          }
          // Not by the address either.
          await page.goto(`${servers.origin}/?as=${encodeURIComponent(STAFF)}&plan=RS%3A2025&view=plan-edit`);
          await page.locator('nav').getByRole('tab', { name: 'Att göra' }).waitFor();
          await page.waitForLoadState('networkidle');
          assert((await page.getByRole('heading', { name: /^Redigera plan/ }).count()) === 0, 'no plan editor by the address');
          assert((await editControls()) === 0, 'no edit controls by the address');
          // The write API, with his own token from the page: refused, in Swedish, and nothing written.
          const answer = await page.evaluate(async (upn) => {
            const config = (await (await fetch('/config.json')).json()) as { apiScope: string };
            const cut = config.apiScope.lastIndexOf('/');
            const issued = await fetch('/_dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn, audience: config.apiScope.slice(0, cut), scopes: [config.apiScope.slice(cut + 1)] }) });
            const { access_token: token } = (await issued.json()) as { access_token: string };
            const response = await fetch('/api/plans/items/create', {
              method: 'POST',
              headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ plan: 'RS:2025', kind: 'goal', draft: { kind: 'goal', title: 'Johans eget mål (e2e)', origin: 'board' } }),
            });
            return { status: response.status, body: (await response.json()) as { error?: { message?: string } } };
          }, STAFF);
          assert(answer.status === 403, `the plan write is refused: ${answer.status} ${JSON.stringify(answer.body)}`);
          assert(/^Bara planens controller kan ändra .+\.$/.test(answer.body.error?.message ?? ''), `the refusal in Swedish: ${JSON.stringify(answer.body)}`);
          const graph = await graphAs(servers.origin, undefined);
          const site = (await graph('/sites/localhost:/sites/malkoll')) as { id: string };
          const lists = (await graph(`/sites/${site.id}/lists?$select=id,displayName`)) as { value: Array<{ id: string; displayName: string }> };
          const goals = lists.value.find((l) => l.displayName === 'Mål');
          assert(goals, 'the Goals list exists');
          const items = (await graph(`/sites/${site.id}/lists/${goals.id}/items?$expand=fields&$top=5000`)) as { value: Array<{ fields: { Title?: string } }> };
          assert(!items.value.some((i) => i.fields.Title === 'Johans eget mål (e2e)'), 'nothing was written');
          await page.context().close();
        },
      },
    ]));
    process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
    process.exitCode = result.failed > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
