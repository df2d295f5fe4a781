// Stage 2: finds the operation for method + path, or answers as Graph does for a path it has no
// resource for (400) and for a known path with another method (405).
import { methodNotAllowed, segmentNotFound } from './graph-errors';
import type { Stage } from './pipeline-context';
import { matchRoute } from './router';

export const routeStage: Stage = (ctx) => {
  const result = matchRoute(ctx.method, ctx.rawPath);
  switch (result.kind) {
    case 'unknownSegment':
      throw segmentNotFound(result.segment);
    case 'methodNotAllowed':
      throw methodNotAllowed(result.allowed);
    case 'matched':
      ctx.route = { operation: result.operation, params: result.params };
  }
};
