// The state one Graph request carries through the pipeline stages. Each stage fills in what the
// next one needs; the handler stage leaves `response`.
import type { Caller, EmulatorResponse, OperationName } from './contract';

/** The body as it arrived: bytes from the socket, or JSON already parsed (a `$batch` step). */
export type RequestInput = { kind: 'none' } | { kind: 'bytes'; bytes: Buffer } | { kind: 'json'; value: unknown };

export interface MatchedRoute {
  operation: OperationName;
  params: Record<string, string>;
}

export interface PipelineContext {
  readonly method: string;
  /** Path below the Graph root, still percent-encoded; the route stage decodes segments. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly input: RequestInput;
  readonly graphBaseUrl: string;
  /** True for a step of a `$batch`. */
  readonly inBatch: boolean;
  /** Set by the request-id stage; empty before it has run. */
  requestId: string;
  clientRequestId: string;
  route?: MatchedRoute;
  caller?: Caller;
  /** Parsed JSON body, set by the parse stage. */
  body?: unknown;
  /** Headers a stage puts on the answer, error or not (the resource meter's RateLimit-*). */
  responseHeaders?: Record<string, string>;
  response?: EmulatorResponse;
}

export type Stage = (ctx: PipelineContext) => void | Promise<void>;

/** For stages that run after another one has set a field: a missing field is a wiring bug. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`pipeline: ${what} is not set; a stage ran out of order`);
  return value;
}
