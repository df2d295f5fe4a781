// Pipeline stage: charges the calling app the request's resource units, after the caller and its
// access are known (a refused token or grant costs nothing) and before the handler runs. `$batch`
// costs nothing itself (only its User-Agent is noted); each of its steps passes this stage on its own.
import { EMULATOR_APP } from '../auth';
import type { Caller } from '../server/contract';
import { GraphError } from '../server/contract';
import type { Stage } from '../server/pipeline-context';
import { required } from '../server/pipeline-context';
import type { ResourceMeter } from './resource-meter';
import { resourceUnitsOf } from './resource-units';

/** SharePoint meters per app: delegated calls count against the app the token was issued to. */
function appIdOf(caller: Caller): string {
  if (caller.kind === 'app') return caller.appId;
  const issuedTo = (caller as { appId?: unknown }).appId;
  return typeof issuedTo === 'string' ? issuedTo : EMULATOR_APP.id;
}

export function meteringStage(meter: ResourceMeter): Stage {
  return (ctx) => {
    const operation = ctx.route?.operation;
    if (operation === undefined) return;
    const caller = required(ctx.caller, 'caller');
    const units = resourceUnitsOf({ operation, method: ctx.method, rawPath: ctx.rawPath, query: ctx.query });
    const verdict = meter.charge({ appId: appIdOf(caller), operation, units, appOnly: caller.kind === 'app', userAgent: ctx.headers['user-agent'] });
    if (Object.keys(verdict.headers).length > 0) ctx.responseHeaders = { ...ctx.responseHeaders, ...verdict.headers };
    // SharePoint-backed Graph answers its own throttling with this code (observed), not TooManyRequests.
    if (verdict.throttled) throw new GraphError(429, 'activityLimitReached', 'The request has been throttled', verdict.headers);
  };
}
