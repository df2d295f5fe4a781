// Stage 7: anything a stage or handler threw becomes Graph's error envelope. Errors the emulator
// did not mean to raise are logged and answered as SharePoint's generic 500, as Graph would.
import { ODataError } from '../odata';
import { GraphError } from './contract';
import type { EmulatorResponse } from './contract';
import { errorEnvelope, generalException } from './graph-errors';
import type { PipelineContext } from './pipeline-context';

export interface ErrorLogger {
  error(message: string, error?: unknown): void;
}

function asGraphError(error: unknown, logger: ErrorLogger | undefined, ctx: PipelineContext): GraphError {
  if (error instanceof GraphError) return error;
  // The OData module is pure and has its own error type carrying Graph's status and code.
  if (error instanceof ODataError) return new GraphError(error.status, error.code, error.message);
  logger?.error(`${ctx.method} ${ctx.rawPath} failed (request-id ${ctx.requestId})`, error);
  return generalException();
}

export function errorResponse(error: unknown, ctx: PipelineContext, now: Date, logger?: ErrorLogger): EmulatorResponse {
  const graphError = asGraphError(error, logger, ctx);
  return {
    status: graphError.status,
    headers: { ...graphError.headers },
    body: errorEnvelope(graphError.code, graphError.message, ctx, now),
  };
}
