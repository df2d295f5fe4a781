// The ordered request pipeline for Graph calls:
//   request id → route → auth → access → metering → faults → parse/validate → handler → serialise, with the error
//   stage turning anything thrown on the way into Graph's envelope (which is then serialised too).
// A `$batch` step runs the same stages, with the batch's ids and caller instead of its own.
import { faultStage } from '../faults/fault.middleware';
import type { FaultController } from '../faults/fault-controller';
import { authStage, inheritCallerStage } from './auth.middleware';
import type { CallerResolver } from './auth.middleware';
import type { EmulatorRequest, EmulatorResponse, OperationHandlers } from './contract';
import { errorResponse } from './error.middleware';
import type { ErrorLogger } from './error.middleware';
import { badRequest, generalException } from './graph-errors';
import { handlerStage } from './handler.middleware';
import { parseStage } from './parse.middleware';
import type { PipelineContext, RequestInput, Stage } from './pipeline-context';
import { inheritIdsStage, requestIdStage } from './request-id.middleware';
import { routeStage } from './route.middleware';
import { serialise } from './serialise.middleware';

export interface GraphRequestInit {
  method: string;
  /** Path below the Graph root, percent-encoded as received. */
  rawPath: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | undefined>>;
  input: RequestInput;
  graphBaseUrl: string;
}

export interface GraphPipelineDeps {
  /** Looked up per request, so handlers can be added after the pipeline exists (`$batch`). */
  handlers: OperationHandlers;
  resolveCaller: CallerResolver;
  /** What the caller may do, once it is known (the permissions part's site access). */
  access?: Stage;
  /** Charges the caller's app the request's resource units (the metering part). */
  metering?: Stage;
  faults: FaultController;
  now: () => Date;
  logger?: ErrorLogger;
}

export interface GraphPipeline {
  /** A request that came over HTTP. */
  handle(init: GraphRequestInit): Promise<EmulatorResponse>;
  /** One step of a `$batch`, as the batch's caller. */
  runStep(init: GraphRequestInit, batch: EmulatorRequest): Promise<EmulatorResponse>;
}

const noNestedBatchStage: Stage = (ctx) => {
  if (ctx.route?.operation === 'batch') throw badRequest('A batch request cannot contain another batch request.');
};

export function createGraphPipeline(deps: GraphPipelineDeps): GraphPipeline {
  const faults = faultStage(deps.faults);
  const parse = parseStage;
  const handler = handlerStage(deps.handlers);
  const access: Stage = deps.access ?? (() => undefined);
  const metering: Stage = deps.metering ?? (() => undefined);
  const outerStages: readonly Stage[] = [requestIdStage, routeStage, authStage(deps.resolveCaller), access, metering, faults, parse, handler];

  async function run(ctx: PipelineContext, stages: readonly Stage[]): Promise<EmulatorResponse> {
    let response: EmulatorResponse;
    try {
      for (const stage of stages) await stage(ctx);
      if (!ctx.response) throw generalException();
      response = ctx.response;
    } catch (error) {
      response = errorResponse(error, ctx, deps.now(), deps.logger);
    }
    return serialise(ctx, response);
  }

  function context(init: GraphRequestInit, inBatch: boolean): PipelineContext {
    return { ...init, inBatch, requestId: '', clientRequestId: '' };
  }

  return {
    handle: (init) => run(context(init, false), outerStages),
    runStep: (init, batch) => {
      const ctx = context(init, true);
      const ids = { requestId: batch.requestId, clientRequestId: batch.headers['client-request-id'] || batch.requestId };
      return run(ctx, [inheritIdsStage(ids), routeStage, noNestedBatchStage, inheritCallerStage(batch.caller), access, metering, faults, parse, handler]);
    },
  };
}
