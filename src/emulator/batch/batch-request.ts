// The body of `POST /$batch`, checked as Graph checks it before running anything: a malformed
// batch fails whole with 400; a batch that parses answers 200 with one response per step.
import { badRequest } from '../server/graph-errors';

export const MAX_BATCH_STEPS = 20;

export interface BatchStep {
  id: string;
  method: string;
  url: string;
  /** Header names as given. */
  headers: Record<string, string>;
  /** Present (possibly null) when the step has a body. */
  body?: unknown;
  dependsOn: string[];
}

// Wordings seen from Graph (docs/emulator.md gives the sources); the others are the emulator's.
const INVALID = 'Invalid batch payload format.';
const TOO_MANY = 'Number of requests inside batch exceeds the limit.';
const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw badRequest(INVALID);
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw badRequest(INVALID);
    headers[name] = v;
  }
  return headers;
}

/** `https://host/…`, any other scheme, or a scheme-relative `//host/…`. */
function isAbsolute(url: string): boolean {
  return /^\s*([a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(url);
}

function parseStep(value: unknown): BatchStep {
  if (!isRecord(value)) throw badRequest(INVALID);
  const { id, method, url, dependsOn } = value;
  if (typeof id !== 'string' || id.trim() === '') throw badRequest(INVALID);
  if (typeof method !== 'string' || method.trim() === '') throw badRequest(INVALID);
  if (typeof url !== 'string' || url.trim() === '') throw badRequest(INVALID);
  // Graph takes only URLs relative to its root; an absolute one fails the whole batch (docs/emulator.md).
  if (isAbsolute(url)) throw badRequest(INVALID);
  if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((d): d is string => typeof d === 'string'))) {
    throw badRequest(INVALID);
  }
  const headers = parseHeaders(value['headers']);
  const step: BatchStep = { id, method: method.toUpperCase(), url, headers, dependsOn: dependsOn ?? [] };
  const hasBody = 'body' in value && value['body'] !== undefined;
  if (hasBody) step.body = value['body'];
  const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if ((hasBody || WRITE_METHODS.has(step.method)) && !(hasBody && hasContentType)) {
    throw badRequest(`Write request id : ${id} does not contain Content-Type header or body.`);
  }
  return step;
}

/** Ids are compared without regard to case, as Graph does. */
export function stepKey(id: string): string {
  return id.toLowerCase();
}

function checkDependencies(steps: readonly BatchStep[]): void {
  const byKey = new Map(steps.map((s) => [stepKey(s.id), s]));
  for (const step of steps) {
    for (const dep of step.dependsOn) {
      if (!byKey.has(stepKey(dep)) || stepKey(dep) === stepKey(step.id)) {
        throw badRequest(`Request id ${step.id} depends on '${dep}', which is not another request in this batch.`);
      }
    }
  }
  // A cycle would leave its requests waiting for each other forever.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (step: BatchStep): void => {
    const key = stepKey(step.id);
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') throw badRequest(`The dependsOn of request id ${step.id} forms a cycle.`);
    state.set(key, 'visiting');
    for (const dep of step.dependsOn) {
      const target = byKey.get(stepKey(dep));
      if (target) visit(target);
    }
    state.set(key, 'done');
  };
  steps.forEach(visit);
}

export function parseBatch(body: unknown): BatchStep[] {
  if (!isRecord(body) || !Array.isArray(body['requests']) || body['requests'].length === 0) throw badRequest(INVALID);
  const requests: unknown[] = body['requests'];
  if (requests.length > MAX_BATCH_STEPS) throw badRequest(TOO_MANY);
  const steps = requests.map(parseStep);
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(stepKey(step.id))) throw badRequest(`Request Id ${step.id} has to be unique in a batch.`);
    seen.add(stepKey(step.id));
  }
  checkDependencies(steps);
  return steps;
}

/** A step's URL relative to the Graph root: `users?$top=1`, `/users`, `/v1.0/users` (the SDK's form) all work. */
export function splitStepUrl(url: string): { rawPath: string; query: URLSearchParams } {
  let rest = url.trim();
  const q = rest.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : '');
  rest = q >= 0 ? rest.slice(0, q) : rest;
  if (!rest.startsWith('/')) rest = `/${rest}`;
  rest = rest.replace(/^\/graph(?=\/v1\.0(\/|$))/i, '').replace(/^\/v1\.0(?=\/|$)/i, '');
  return { rawPath: rest === '' ? '/' : rest, query };
}
