// The batch part: `POST /$batch`.
export { createBatchOperation } from './batch.handler';
export type { StepRunner } from './batch.handler';
export { MAX_BATCH_STEPS } from './batch-request';
