// Stage 3: who is calling. Every Graph call needs a bearer token the emulator issued; a `$batch`
// step runs as the caller of the batch that carried it.
import type { Caller } from './contract';
import type { Stage } from './pipeline-context';

/** Turns the Authorization header into a caller, or throws Graph's 401. */
export type CallerResolver = (authorization: string | undefined) => Caller;

export function authStage(resolve: CallerResolver): Stage {
  return (ctx) => {
    ctx.caller = resolve(ctx.headers['authorization']);
  };
}

export function inheritCallerStage(caller: Caller): Stage {
  return (ctx) => {
    ctx.caller = caller;
  };
}
