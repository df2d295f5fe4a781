// Stage 5: runs the operation's handler with the request the contract describes. An operation
// the router knows but no part has built answers 501 in Graph's envelope.
import type { EmulatorRequest, OperationHandlers } from './contract';
import { notImplemented } from './graph-errors';
import { required } from './pipeline-context';
import type { PipelineContext, Stage } from './pipeline-context';

export function toEmulatorRequest(ctx: PipelineContext): EmulatorRequest {
  const route = required(ctx.route, 'route');
  return {
    requestId: ctx.requestId,
    method: ctx.method.toUpperCase(),
    path: '/' + ctx.rawPath.split('/').filter((s) => s !== '').join('/'),
    params: route.params,
    query: ctx.query,
    headers: ctx.headers,
    body: ctx.body,
    caller: required(ctx.caller, 'caller'),
    graphBaseUrl: ctx.graphBaseUrl,
  };
}

export function handlerStage(handlers: OperationHandlers): Stage {
  return async (ctx) => {
    const operation = required(ctx.route, 'route').operation;
    const handler = handlers[operation];
    if (!handler) throw notImplemented(`The operation '${operation}'`);
    ctx.response = await handler(toEmulatorRequest(ctx));
  };
}
