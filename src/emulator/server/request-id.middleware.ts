// Stage 1: every answer carries a `request-id` of its own and echoes the caller's
// `client-request-id` (the Graph SDKs send one per request); without one, Graph reuses the request id.
import { randomUUID } from 'node:crypto';
import type { PipelineContext, Stage } from './pipeline-context';

export const requestIdStage: Stage = (ctx: PipelineContext) => {
  ctx.requestId = randomUUID();
  ctx.clientRequestId = ctx.headers['client-request-id'] || ctx.requestId;
};

/** A `$batch` step shares the ids of the batch request it arrived in. */
export function inheritIdsStage(outer: { requestId: string; clientRequestId: string }): Stage {
  return (ctx) => {
    ctx.requestId = outer.requestId;
    ctx.clientRequestId = outer.clientRequestId;
  };
}
