// `POST /$batch`: up to 20 steps, each run through the pipeline (route → parse → handler, faults
// included) as the batch's caller. Steps without dependencies run side by side; a step waits for
// its `dependsOn`, and fails with 424 if one of them failed.
import type { EmulatorRequest, EmulatorResponse, OperationHandler } from '../server/contract';
import { errorEnvelope } from '../server/graph-errors';
import type { GraphRequestInit } from '../server/pipeline';
import { parseBatch, splitStepUrl, stepKey } from './batch-request';
import type { BatchStep } from './batch-request';

export type StepRunner = (init: GraphRequestInit, batch: EmulatorRequest) => Promise<EmulatorResponse>;

interface StepResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function failedDependency(batch: EmulatorRequest, dependency: string, now: Date): EmulatorResponse {
  const ids = { requestId: batch.requestId, clientRequestId: batch.headers['client-request-id'] || batch.requestId };
  return {
    status: 424,
    headers: { 'Content-Type': 'application/json' },
    body: errorEnvelope('failedDependency', `The request depends on request '${dependency}', which failed.`, ids, now),
  };
}

export function createBatchOperation(runStep: StepRunner, now: () => Date): OperationHandler {
  return async (batch) => {
    const steps = parseBatch(batch.body);
    const byKey = new Map(steps.map((s) => [stepKey(s.id), s]));
    const running = new Map<string, Promise<EmulatorResponse>>();

    const run = (step: BatchStep): Promise<EmulatorResponse> => {
      const key = stepKey(step.id);
      let promise = running.get(key);
      if (!promise) {
        promise = (async () => {
          const dependencies = step.dependsOn.map((d) => byKey.get(stepKey(d))).filter((s): s is BatchStep => s !== undefined);
          const results = await Promise.all(dependencies.map(run));
          const failed = results.findIndex((r) => r.status >= 400);
          if (failed >= 0) return failedDependency(batch, dependencies[failed]?.id ?? '', now());
          const { rawPath, query } = splitStepUrl(step.url);
          return runStep(
            {
              method: step.method,
              rawPath,
              query,
              headers: lowerCaseHeaders(step.headers),
              input: step.body === undefined ? { kind: 'none' } : { kind: 'json', value: step.body },
              graphBaseUrl: batch.graphBaseUrl,
            },
            batch,
          );
        })();
        running.set(key, promise);
      }
      return promise;
    };

    const answers = await Promise.all(steps.map(run));
    const responses: StepResponse[] = steps.map((step, i) => {
      const answer = answers[i] ?? { status: 500 };
      const response: StepResponse = { id: step.id, status: answer.status, headers: answer.headers ?? {} };
      if (answer.body !== undefined) response.body = answer.body;
      return response;
    });
    return { status: 200, body: { responses } };
  };
}
