// Figures for the Graph emulator over HTTP, on a file database in a temporary folder:
// bulk create through $batch, an indexed filtered query, a full paged read, peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../src/emulator/index';

const ITEMS = 50_000;
const BATCH = 20; // Graph's limit per $batch
const IN_FLIGHT = 4; // batches in flight at once
const BUCKETS = 1_000; // Bucket = i % BUCKETS, so each bucket holds ITEMS / BUCKETS items
const QUERY_RUNS = 30;
const PAGE = 5_000; // Graph's largest page for list items

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function benchEmulator(print: (line: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  // The threshold is lifted so the non-indexed scan below can be timed for comparison: SharePoint
  // itself refuses it on a list this size (docs/emulator.md, list view threshold).
  const emu = await startEmulator({ port: 0, dataDir, listViewThreshold: ITEMS + 1 });
  try {
    const token = emu.issueToken({ app: true }).access_token;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' };

    async function call(method: string, url: string, body?: unknown): Promise<Json> {
      const res = await fetch(url.startsWith('http') ? url : `${emu.graphUrl}${url}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const parsed: unknown = await res.json();
      if (!res.ok || !isRecord(parsed)) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(parsed)}`);
      return parsed;
    }

    const site = await call('GET', '/sites/localhost:/sites/malkoll');
    const siteId = String(site['id']);
    const list = await call('POST', `/sites/${siteId}/lists`, {
      displayName: 'Bench',
      list: { template: 'genericList' },
      columns: [
        { name: 'Key', text: {}, indexed: true },
        { name: 'Bucket', number: {}, indexed: true },
        { name: 'Serial', number: {} }, // not indexed: for comparison
        { name: 'Note', text: {} },
      ],
    });
    const itemsPath = `/sites/${siteId}/lists/${String(list['id'])}/items`;

    // 1. Bulk create: $batch of 20 POSTs, IN_FLIGHT batches at a time.
    let nextBatch = 0;
    const batches = Math.ceil(ITEMS / BATCH);
    async function worker(): Promise<void> {
      for (;;) {
        const b = nextBatch;
        nextBatch += 1;
        if (b >= batches) return;
        const requests = [];
        for (let k = 0; k < BATCH; k += 1) {
          const i = b * BATCH + k;
          if (i >= ITEMS) break;
          requests.push({
            id: String(k + 1),
            method: 'POST',
            url: itemsPath,
            headers: { 'Content-Type': 'application/json' },
            body: { fields: { Title: `Item ${i}`, Key: `k-${i}`, Bucket: i % BUCKETS, Serial: i, Note: 'benchmark row' } },
          });
        }
        const out = await call('POST', '/$batch', { requests });
        const responses = out['responses'];
        if (!Array.isArray(responses) || responses.length !== requests.length) throw new Error('batch answered the wrong number of responses');
        for (const r of responses) {
          if (!isRecord(r) || r['status'] !== 201) throw new Error(`batch step failed: ${JSON.stringify(r)}`);
        }
      }
    }
    const t0 = nowMs();
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => worker()));
    const createMs = nowMs() - t0;
    print(
      `emulator: create ${fmt(ITEMS)} items over HTTP ($batch of ${BATCH}, ${IN_FLIGHT} batches in flight, file database): ` +
        `${fmt(ITEMS / (createMs / 1000))} items/s (${fmt(createMs / 1000, 1)} s)`,
    );

    // 2. Filtered query on an indexed column (each run a different bucket), median of QUERY_RUNS.
    const expected = ITEMS / BUCKETS;
    const times: number[] = [];
    for (let r = 0; r < QUERY_RUNS + 3; r += 1) {
      const bucket = (r * 37) % BUCKETS;
      const filter = encodeURIComponent(`fields/Bucket eq ${bucket}`);
      const s = nowMs();
      const page = await call('GET', `${itemsPath}?$filter=${filter}&$expand=fields($select=Key,Bucket)&$top=${PAGE}`);
      const took = nowMs() - s;
      const value = page['value'];
      if (!Array.isArray(value) || value.length !== expected) throw new Error(`bucket ${bucket}: ${Array.isArray(value) ? value.length : '?'} items, expected ${expected}`);
      if (r >= 3) times.push(took); // the first runs warm up
    }
    print(
      `emulator: filtered query on an indexed column (fields/Bucket eq N, ${fmt(expected)} of ${fmt(ITEMS)} items, $expand=fields): ` +
        `median ${fmt(median(times), 1)} ms over ${QUERY_RUNS} runs`,
    );

    // 2b. One-row lookups: indexed (fields/Key eq) against non-indexed (fields/Serial eq, with the Prefer header).
    async function oneRow(filter: string, extra: Record<string, string>): Promise<number> {
      const runs: number[] = [];
      for (let r = 0; r < QUERY_RUNS + 3; r += 1) {
        const n = (r * 7919) % ITEMS;
        const s = nowMs();
        const res = await fetch(`${emu.graphUrl}${itemsPath}?$filter=${encodeURIComponent(filter.replace('{n}', String(n)))}`, {
          headers: { ...headers, ...extra },
        });
        const body: unknown = await res.json();
        const took = nowMs() - s;
        const value = isRecord(body) ? body['value'] : undefined;
        if (!res.ok || !Array.isArray(value) || value.length !== 1) throw new Error(`${filter} (${n}): ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        if (r >= 3) runs.push(took);
      }
      return median(runs);
    }
    const indexedMs = await oneRow("fields/Key eq 'k-{n}'", {});
    const scanMs = await oneRow('fields/Serial eq {n}', { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });
    print(
      `emulator: one-row filter, indexed column (fields/Key eq): median ${fmt(indexedMs, 1)} ms; ` +
        `non-indexed with the Prefer header (fields/Serial eq; SharePoint refuses it past the list view threshold): median ${fmt(scanMs, 1)} ms (${QUERY_RUNS} runs each)`,
    );

    // $top above Graph's largest page is served in pages of PAGE.
    const big = await call('GET', `${itemsPath}?$top=${PAGE * 2}`);
    const bigValue = big['value'];
    if (!Array.isArray(bigValue) || bigValue.length !== PAGE) throw new Error(`$top=${PAGE * 2} gave ${Array.isArray(bigValue) ? bigValue.length : '?'} items, expected ${PAGE}`);

    // 3. Full paged read with the largest page size, following @odata.nextLink.
    const seen = new Set<string>();
    let pages = 0;
    const t1 = nowMs();
    let link: string | undefined = `${itemsPath}?$expand=fields&$top=${PAGE}`;
    while (link !== undefined) {
      const page = await call('GET', link);
      pages += 1;
      const value = page['value'];
      if (!Array.isArray(value)) throw new Error('page without value');
      for (const it of value) if (isRecord(it)) seen.add(String(it['id']));
      const next = page['@odata.nextLink'];
      link = typeof next === 'string' ? next : undefined;
    }
    const readMs = nowMs() - t1;
    if (seen.size !== ITEMS) throw new Error(`paged read saw ${seen.size} distinct items, expected ${ITEMS}`);
    print(
      `emulator: full paged read ($top=${PAGE}, $expand=fields, ${pages} pages): ` +
        `${fmt(ITEMS / (readMs / 1000))} items/s (${fmt(readMs / 1000, 1)} s)`,
    );
  } finally {
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await emu.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / (1024 * 1024);
  print(`emulator: peak RSS (client and emulator in one process): ${fmt(maxRssMb)} MB`);
}
