import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { listStoreFor } from '../../../src/emulator/lists';
import { createList, harness } from './helpers';

describe('SqliteListStore', () => {
  it('serves the handlers\' operations in domain terms', () => {
    const db = new Database(':memory:');
    const store = listStoreFor(db);
    expect(listStoreFor(db)).toBe(store);
    const site = store.ensureSite({ hostname: 'localhost', path: '/sites/x', name: 'x', displayName: 'X', description: '' }, '2025-01-01T00:00:00Z');
    expect(store.findSiteById(site.siteCollectionId)?.id).toBe(site.id);
    const user = { user: { id: 'u1', email: 'u1@x', displayName: 'U1' } };
    const actor = { author: user, editor: user, userKey: 'user:u1' };
    const list = store.createList(
      site,
      {
        displayName: 'Things',
        name: 'Things',
        description: '',
        template: 'genericList',
        columns: [{ name: 'Size', displayName: 'Size', description: '', type: 'number', indexed: true, enforceUniqueValues: false, required: false, hidden: false, facet: {} }],
      },
      actor,
      '2025-01-01T00:00:00Z',
    );
    expect(store.columns(list).map((c) => c.name)).toEqual(['Title', 'Size']);
    for (const size of [3, 1, 2]) store.createItem(list, { Title: `s${size}`, Size: size }, actor, '2025-01-01T00:00:01Z');
    const page = store.queryItems(list, {
      filter: { kind: 'compare', op: 'ge', field: { kind: 'field', name: 'Size' }, value: 2 },
      orderBy: [{ field: { kind: 'field', name: 'Size' }, direction: 'desc' }],
      limit: 1,
    });
    expect(page.items.map((i) => i.fields.Size)).toEqual([3]);
    expect(page.next).toEqual({ values: [3], id: 1 });
    const rest = store.queryItems(list, {
      filter: { kind: 'compare', op: 'ge', field: { kind: 'field', name: 'Size' }, value: 2 },
      orderBy: [{ field: { kind: 'field', name: 'Size' }, direction: 'desc' }],
      after: page.next,
      limit: 5,
    });
    expect(rest.items.map((i) => i.fields.Size)).toEqual([2]);
    expect(rest.next).toBeUndefined();

    const updated = store.updateItemFields(list, '2', { Size: 10 }, actor, '2025-01-01T00:00:02Z', undefined);
    expect(updated.version).toBe(2);
    expect(store.itemVersions(list, '2')?.map((v) => [v.version, v.fields.Size])).toEqual([
      [2, 10],
      [1, 1],
    ]);
    store.deleteItem(list, '3', '2025-01-01T00:00:03Z', undefined);
    const window = store.changeWindow(list);
    expect(window).toEqual({ latest: 5, prunedThrough: 0 });
    const changes = store.changesSince(list, 3, window.latest, 3, 10);
    expect(changes.changes.map((c) => [c.itemId, c.seq, c.item?.version])).toEqual([
      [2, 4, 2],
      [3, 5, undefined],
    ]);
    store.pruneChanges('2025-01-01T00:00:02Z');
    expect(store.changeWindow(list)).toEqual({ latest: 5, prunedThrough: 3 });
  });

  it('gives indexed columns a partial expression index that filtered queries use', async () => {
    const h = harness();
    await createList(h, 'Big', [{ name: 'Bucket', number: {}, indexed: true }, { name: 'Plain', text: {} }]);
    const list = listStoreFor(h.db).findList(String((await h.ok('getSite', {})).id), 'Big');
    if (!list) throw new Error('list missing');
    const plan = h.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM ls_items WHERE list_key = ${list.key} AND json_extract(fields, '$.Bucket') = ? ORDER BY id`)
      .all(3) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(new RegExp(`USING (COVERING )?INDEX ls_ix_${list.key}_`));
    const indexes = h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ls_ix_%'").all() as Array<{ name: string }>;
    expect(indexes).toHaveLength(1);

    // Un-indexing drops it again.
    await h.ok('updateColumn', { method: 'PATCH', params: { listRef: 'Big', columnId: 'Bucket' }, body: { indexed: false } });
    expect(h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ls_ix_%'").all()).toHaveLength(0);
  });

  it('backs unique columns with a UNIQUE index, so even a write that skips the check cannot duplicate', async () => {
    const h = harness();
    await createList(h, 'U', [{ name: 'Code', text: {}, indexed: true, enforceUniqueValues: true }]);
    await h.ok('createItem', { method: 'POST', params: { listRef: 'U' }, body: { fields: { Code: 'Å1' } } });
    const row = h.db.prepare('SELECT list_key, fields FROM ls_items').get() as { list_key: number; fields: string };
    const sneak = (): unknown =>
      h.db
        .prepare(
          "INSERT INTO ls_items (list_key, id, unique_id, version, fields, created, modified, created_by, modified_by, author_lookup, editor_lookup) VALUES (?, 99, 'x', 1, ?, '', '', '{}', '{}', 1, 1)",
        )
        .run(row.list_key, JSON.stringify({ Code: 'å1' }));
    expect(sneak).toThrow(/UNIQUE constraint failed/);
  });

  it('keeps unique values unique across connections writing at the same time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-lists-'));
    const file = path.join(dir, 'emulator.db');
    try {
      const setupDb = new Database(file);
      setupDb.pragma('journal_mode = WAL');
      const h = harness({ db: setupDb });
      await createList(h, 'Keys', [{ name: 'Code', text: {}, indexed: true, enforceUniqueValues: true }]);
      setupDb.close();

      const codes = Array.from({ length: 40 }, (_, i) => `code-${i % 20}`); // every code twice per worker
      const started = [0, 1, 2, 3].map((worker) => {
        // The worker runs TypeScript through tsx's require hook (jest's transform does not reach workers).
        const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'concurrent-writer.ts'))});`;
        const w = new Worker(script, { eval: true, workerData: { file, codes, worker } });
        const ready = new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        });
        return { w, ready };
      });
      await Promise.all(started.map((s) => s.ready));
      const workers = started.map(
        ({ w }) =>
          new Promise<number[]>((resolve, reject) => {
            w.once('message', (statuses: number[]) => resolve(statuses));
            w.once('error', reject);
            w.postMessage('go');
          }),
      );
      const statuses = (await Promise.all(workers)).flat();
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 409)).toHaveLength(140);

      const check = new Database(file, { readonly: true });
      const rows = check.prepare("SELECT json_extract(fields, '$.Code') AS code, COUNT(*) AS n FROM ls_items GROUP BY code").all() as Array<{ n: number }>;
      check.close();
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
