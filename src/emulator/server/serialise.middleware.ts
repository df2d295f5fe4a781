// Stage 6: the headers Graph puts on every answer. The socket writer (or the `$batch` handler)
// turns the result into bytes; keeping the body as a value here lets a batch embed it as JSON.
import type { EmulatorResponse } from './contract';
import type { PipelineContext } from './pipeline-context';

/** Graph's content type for OData payloads. */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

export function serialise(ctx: PipelineContext, response: EmulatorResponse): EmulatorResponse {
  const headers: Record<string, string> = { ...ctx.responseHeaders, ...response.headers };
  if (response.body !== undefined && !hasHeader(headers, 'content-type')) {
    headers['Content-Type'] = response.status >= 400 ? 'application/json' : ODATA_JSON;
  }
  // A batch step's answer travels inside the batch response, which carries the ids itself.
  if (!ctx.inBatch) {
    headers['request-id'] = ctx.requestId;
    headers['client-request-id'] = ctx.clientRequestId;
  }
  return response.body === undefined ? { status: response.status, headers } : { status: response.status, headers, body: response.body };
}
