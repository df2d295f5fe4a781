// The API's requests and answers, independent of who carries them (the Azure Functions host in a
// tenant, the local run's server on the same origin as the tab).
export interface ApiRequest {
  readonly method: string;
  /** Path under the API's root, e.g. `/follow-ups`. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/** An answer with Graph's error shape (`{error: {code, message}}`), the message in Swedish for the user. */
export function problem(status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): ApiResponse {
  return { status, body: { error: { code, message } }, ...(headers ? { headers } : {}) };
}

/** Thrown by handlers for an answer that is not theirs to shape further. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a JSON object, or a 400 in Swedish. */
export function jsonObject(request: ApiRequest): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new ApiProblem(400, 'invalidRequest', 'Förfrågan är inte giltig JSON.');
  }
  if (!isRecord(parsed)) throw new ApiProblem(400, 'invalidRequest', 'Förfrågan ska vara ett JSON-objekt.');
  return parsed;
}

export function textField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ApiProblem(400, 'invalidRequest', `"${name}" saknas eller är inte text.`);
  return value;
}
