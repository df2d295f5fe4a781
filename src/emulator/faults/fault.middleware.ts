// Pipeline stage: injected latency, 429 and 503 — after auth, as Graph throttles an identified
// caller. `$batch` itself is exempt: Graph answers a batch that parses with 200 and throttles
// its steps one by one, and each step passes this stage on its own.
import { GraphError } from '../server/contract';
import type { Stage } from '../server/pipeline-context';
import type { FaultController } from './fault-controller';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function faultStage(faults: FaultController): Stage {
  return async (ctx) => {
    if (ctx.route?.operation === 'batch') return;
    const decision = faults.decide();
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const error = decision.error;
    if (!error) return;
    const headers = { 'Retry-After': String(error.retryAfterSeconds) };
    if (error.status === 429) throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', headers);
    throw new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', headers);
  };
}
