// How write units become context.sync() calls, on the pure `pack` alone: synthetic units of known
// size, as `sectionUnits` makes them (a section's overhead, its body chunks, the registry last).
import { bodyChunkBudget, DEFAULT_BATCH_BUDGET, EXCEL_WEB_REQUEST_LIMIT, pack } from '../../src/excel/office';
import type { SizedUnit } from '../../src/excel/office';

const KB = 1024;
const MB = 1024 * KB;

interface TestUnit extends SizedUnit {
  readonly name: string;
}

/** A section as the writer queues it: the sheet's preparation and table formats, then its body cut into chunks. */
function sectionOf(section: number, overhead: number, bodyBytes: number, rowBytes = 2 * KB): TestUnit[] {
  const chunkBudget = bodyChunkBudget(DEFAULT_BATCH_BUDGET, overhead);
  const rowsPerChunk = Math.floor(chunkBudget / rowBytes);
  const rows = Math.ceil(bodyBytes / rowBytes);
  const chunks: TestUnit[] = [];
  for (let first = 0; first < rows; first += rowsPerChunk) {
    chunks.push({ section, name: `s${section} rows ${first}`, bytes: Math.min(rowsPerChunk, rows - first) * rowBytes });
  }
  return [{ section, name: `s${section} prepare`, bytes: overhead / 2 }, ...chunks, { section, name: `s${section} table`, bytes: overhead / 2 }];
}

const registry: TestUnit = { section: -1, name: 'registry', bytes: 20 * KB };

function batchBytes(batch: readonly SizedUnit[]): number {
  return batch.reduce((sum, u) => sum + u.bytes, 0);
}

/** Syncs a section's writes take: the batches holding any of its units, plus the shared read. */
function syncsOf(batches: readonly (readonly SizedUnit[])[], section: number): number {
  return 1 + batches.filter((b) => b.some((u) => u.section === section)).length;
}

test('a 6 MB section is cut into batches under the 5 MB limit and takes at most 3 syncs', () => {
  const units = [...sectionOf(0, 40 * KB, 200 * KB), ...sectionOf(1, 300 * KB, 6 * MB), ...sectionOf(2, 40 * KB, 200 * KB), registry];
  const batches = pack(units, DEFAULT_BATCH_BUDGET);

  for (const batch of batches) {
    expect(batchBytes(batch)).toBeLessThanOrEqual(DEFAULT_BATCH_BUDGET);
    expect(batchBytes(batch)).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
  }
  expect(syncsOf(batches, 1)).toBe(3);
  // Every unit once, in the order queued: a table is never added before its rows are written.
  expect(batches.flat().map((u) => u.name)).toEqual(units.map((u) => u.name));
  // The big section starts a batch of its own: the small one before it is not held back.
  expect(batches[0]?.every((u) => u.section === 0)).toBe(true);
});

test('small sections share one batch and none is split across two', () => {
  const units = [...sectionOf(0, 100 * KB, 1.5 * MB), ...sectionOf(1, 100 * KB, 1.5 * MB), ...sectionOf(2, 100 * KB, 1.5 * MB), registry];
  const batches = pack(units, DEFAULT_BATCH_BUDGET);
  // 0 and 1 fit together (3.2 MB); 2 would overflow that batch, so it goes whole into the next.
  expect(batches.map((b) => [...new Set(b.map((u) => u.section))])).toEqual([
    [0, 1],
    [2, -1],
  ]);
  for (const section of [0, 1, 2]) expect(syncsOf(batches, section)).toBe(2);
});

test('a whole report under the budget is one batch', () => {
  const units = [...sectionOf(0, 10 * KB, 50 * KB), ...sectionOf(1, 10 * KB, 50 * KB), registry];
  expect(pack(units, DEFAULT_BATCH_BUDGET)).toHaveLength(1);
});

test('a single unit bigger than the budget gets a batch of its own and nothing is lost', () => {
  const huge: TestUnit = { section: 0, name: 'one huge row', bytes: 6 * MB };
  const units = [{ section: 0, name: 'prepare', bytes: KB }, huge, { section: 0, name: 'table', bytes: KB }, registry];
  const batches = pack(units, DEFAULT_BATCH_BUDGET);
  expect(batches.find((b) => b.includes(huge))).toEqual([huge]);
  expect(batches.flat()).toEqual(units);
});

test('the chunk budget leaves room for the section around it, but never falls under a quarter', () => {
  expect(bodyChunkBudget(4 * MB, 1 * MB)).toBe(3 * MB);
  expect(bodyChunkBudget(4 * MB, 3.5 * MB)).toBe(1 * MB);
});
