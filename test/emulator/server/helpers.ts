// Helpers for the server part's tests: an emulator in-process on a free port with an in-memory
// database and, unless a test brings one, no list part (so list operations answer 501).
import { startEmulatorWith } from '../../../src/emulator/server/emulator';
import type { EmulatorOptions, ListPart, RunningEmulator } from '../../../src/emulator/server/emulator';

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export function startServer(options: EmulatorOptions = {}, lists?: ListPart): Promise<RunningEmulator> {
  return startEmulatorWith({ port: 0, dbPath: ':memory:', ...options }, lists);
}

export const ANNA = { upn: 'anna@malkoll.test', displayName: 'Anna Andersson', jobTitle: 'Handläggare', managerUpn: 'bo@malkoll.test' };
export const BO = { upn: 'bo@malkoll.test', displayName: 'Bo Berg', jobTitle: 'Enhetschef' };

export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers['Authorization'] = `Bearer ${init.token}`;
  let payload: string | undefined;
  if (init.body !== undefined) {
    payload = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export function rec(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Json;
}

export function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

/** `value` of a collection, as objects. */
export function values(body: unknown): Json[] {
  return list(rec(body)['value']).map(rec);
}

/** Checks Graph's error envelope and returns `error`. */
export function graphError(answer: Answer, status: number): Json {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  const error = rec(rec(answer.body)['error']);
  const inner = rec(error['innerError']);
  expect(typeof error['code']).toBe('string');
  expect(typeof error['message']).toBe('string');
  expect(inner['date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(typeof inner['request-id']).toBe('string');
  expect(typeof inner['client-request-id']).toBe('string');
  return error;
}

/** A delegated token for a registered user, with scopes that allow every operation under test. */
export function tokenFor(emu: RunningEmulator, upn: string): string {
  return emu.issueToken({ upn, scopes: ['Sites.Manage.All', 'Sites.ReadWrite.All', 'User.Read', 'User.Read.All', 'TeamsActivity.Send'] }).access_token;
}

export function appToken(emu: RunningEmulator): string {
  return emu.issueToken({ app: true }).access_token;
}
