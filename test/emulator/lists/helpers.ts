/** Builds ListOperationDeps on an in-memory database and hand-made EmulatorRequests for the handlers. */
import Database from 'better-sqlite3';
import type { Caller, EmulatorRequest, EmulatorResponse, ListOperationDeps, OperationHandlers, OperationName } from '../../../src/emulator/server/contract';
import { GraphError } from '../../../src/emulator/server/contract';
import { createListOperations, ensureDefaultSite } from '../../../src/emulator/lists';
import type { ListOperationOptions } from '../../../src/emulator/lists';

export const BASE = 'http://localhost:3000/graph/v1.0';
export const HOST = 'localhost';
export const SITE_REF = `${HOST}:/sites/malkoll`;

export const ALICE: Caller = { kind: 'user', userId: '11111111-1111-4111-8111-111111111111', upn: 'alice@malkoll.test', displayName: 'Alice' };
export const BOB: Caller = { kind: 'user', userId: '22222222-2222-4222-8222-222222222222', upn: 'bob@malkoll.test', displayName: 'Bob' };
export const APP: Caller = { kind: 'app', appId: '33333333-3333-4333-8333-333333333333' };

export type Json = Record<string, unknown>;

export interface Harness {
  readonly db: Database.Database;
  readonly deps: ListOperationDeps;
  readonly ops: OperationHandlers;
  /** Moves the injected clock. */
  advance(ms: number): void;
  call(op: OperationName, init?: RequestInit): Promise<EmulatorResponse>;
  /** Calls and expects a 2xx; returns the body. */
  ok(op: OperationName, init?: RequestInit): Promise<Json>;
  /** Calls and expects a GraphError; returns it. */
  fails(op: OperationName, init?: RequestInit): Promise<GraphError>;
}

export interface RequestInit {
  params?: Record<string, string>;
  query?: Record<string, string> | string;
  headers?: Record<string, string>;
  body?: unknown;
  caller?: Caller;
  path?: string;
  method?: string;
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Json {
  if (!isJson(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

export function arr(value: unknown): Json[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value.map(obj);
}

export function harness(options: ListOperationOptions & { pageSize?: number; db?: Database.Database } = {}): Harness {
  const db = options.db ?? new Database(':memory:');
  db.pragma('foreign_keys = ON'); // as the server opens it
  let clock = Date.parse('2025-03-01T08:00:00Z');
  const deps: ListOperationDeps = {
    db,
    defaultPageSize: options.pageSize ?? 200,
    hostname: HOST,
    now: () => new Date(clock),
    identityOf: (caller) =>
      caller.kind === 'user'
        ? { user: { id: caller.userId, email: caller.upn, displayName: caller.displayName } }
        : { application: { id: caller.appId, displayName: 'Målkoll' } },
  };
  ensureDefaultSite(deps);
  const ops = createListOperations(deps, options);
  let counter = 0;
  const call = async (op: OperationName, init: RequestInit = {}): Promise<EmulatorResponse> => {
    const handler = ops[op];
    if (!handler) throw new Error(`no handler for ${op}`);
    counter += 1;
    const req: EmulatorRequest = {
      requestId: `req-${counter}`,
      method: init.method ?? 'GET',
      path: init.path ?? `/sites/${init.params?.siteRef ?? SITE_REF}/lists`,
      params: { siteRef: SITE_REF, ...init.params },
      query: new URLSearchParams(init.query),
      headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: init.body,
      caller: init.caller ?? ALICE,
      graphBaseUrl: BASE,
    };
    return handler(req);
  };
  return {
    db,
    deps,
    ops,
    advance: (ms) => {
      clock += ms;
    },
    call,
    ok: async (op, init) => {
      const res = await call(op, init);
      if (res.status < 200 || res.status > 299) throw new Error(`${op} answered ${res.status}`);
      return res.body === undefined ? {} : obj(res.body);
    },
    fails: async (op, init) => {
      try {
        const res = await call(op, init);
        throw new Error(`${op} succeeded with ${res.status}: ${JSON.stringify(res.body)}`);
      } catch (error) {
        if (error instanceof GraphError) return error;
        throw error;
      }
    },
  };
}

/** A request URL (nextLink, deltaLink) as the init of a follow-up call. */
export function fromLink(link: unknown, params: Record<string, string>): RequestInit {
  if (typeof link !== 'string') throw new Error(`not a link: ${JSON.stringify(link)}`);
  const url = new URL(link);
  return { params, query: url.search.slice(1), path: url.pathname.replace('/graph/v1.0', '') };
}

/** Creates a list on the default site and returns its id. */
export async function createList(h: Harness, displayName: string, columns: unknown[] = []): Promise<string> {
  const list = await h.ok('createList', { method: 'POST', body: { displayName, columns, list: { template: 'genericList' } } });
  return String(list.id);
}
