// Which requests may be sent again after a 504, when the server may already have done the work:
// a repeated create would make a second item (or, under a unique Key, read as someone else's),
// so only requests whose repetition changes nothing are retried then.
import { headerValue } from './headers';
import { isRecord } from './odata';

export interface RequestShape {
  readonly method: string;
  /** Request headers with any letter case. */
  readonly headers: Record<string, string>;
  /** The body as sent: a `$batch` carries its steps as a JSON string. */
  readonly body?: unknown;
  readonly isBatch?: boolean;
}

const REPEATABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** GET, PUT, DELETE, a PATCH guarded by If-Match, and a `$batch` made of nothing else. */
export function isIdempotent(request: RequestShape): boolean {
  const method = request.method.toUpperCase();
  if (request.isBatch) return batchSteps(request.body)?.every(isIdempotent) ?? false;
  if (REPEATABLE_METHODS.has(method)) return true;
  // Sent twice, the second finds a new eTag and answers 412: nothing is overwritten or duplicated.
  return method === 'PATCH' && headerValue(request.headers, 'if-match') !== undefined;
}

function batchSteps(body: unknown): RequestShape[] | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return undefined;
    }
  }
  const requests = isRecord(parsed) ? parsed['requests'] : undefined;
  if (!Array.isArray(requests)) return undefined;
  const steps: RequestShape[] = [];
  for (const step of requests) {
    if (!isRecord(step) || typeof step['method'] !== 'string') return undefined;
    const headers = isRecord(step['headers']) ? Object.fromEntries(Object.entries(step['headers']).map(([k, v]) => [k, String(v)])) : {};
    steps.push({ method: step['method'], headers });
  }
  return steps;
}
