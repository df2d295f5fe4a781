// Worker for store.test.ts: its own connection to the shared database file, creating items with the
// values it is given and reporting each outcome's status.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createListOperations } from '../../../src/emulator/lists';
import { GraphError } from '../../../src/emulator/server/contract';

interface Job {
  file: string;
  codes: string[];
  worker: number;
}

async function run(job: Job): Promise<number[]> {
  const db = new Database(job.file);
  db.pragma('journal_mode = WAL');
  const ops = createListOperations({
    db,
    defaultPageSize: 200,
    hostname: 'localhost',
    now: () => new Date(),
    identityOf: () => ({ user: { id: `w${job.worker}`, email: '', displayName: `Worker ${job.worker}` } }),
  });
  // Start together: report ready, wait for the go, so the workers' writes really overlap.
  await new Promise<void>((resolve) => {
    parentPort?.once('message', () => resolve());
    parentPort?.postMessage('ready');
  });
  const statuses: number[] = [];
  for (const code of job.codes) {
    try {
      const res = await ops.createItem?.({
        requestId: `${job.worker}-${code}`,
        method: 'POST',
        path: '/sites/localhost:/sites/malkoll/lists/Keys/items',
        params: { siteRef: 'localhost:/sites/malkoll', listRef: 'Keys' },
        query: new URLSearchParams(),
        headers: {},
        body: { fields: { Code: code } },
        caller: { kind: 'user', userId: `w${job.worker}`, upn: '', displayName: '' },
        graphBaseUrl: 'http://localhost/graph/v1.0',
      });
      statuses.push(res?.status ?? 0);
    } catch (error) {
      statuses.push(error instanceof GraphError ? error.status : -1);
    }
  }
  db.close();
  return statuses;
}

void run(workerData as Job).then((statuses) => parentPort?.postMessage(statuses));
