// What every handler of the API works with: the store that writes as the app (Sites.Selected,
// write), plans as the lists hold them now, and people's names for messages.
import type { FollowUpStore, LoadedPlan } from '../store';
import { PlanNotFoundError, foundPerson, upnKey } from '../store';
import { ApiProblem } from './http';

export interface WriteContext {
  /** The app-only store; opened once, on first use. */
  store(): Promise<FollowUpStore>;
  /** The plan read fresh: a lock or an owner changed a second ago counts. */
  loadPlan(key: string): Promise<LoadedPlan>;
  displayName(upn: string): Promise<string | undefined>;
  now(): Date;
}

export function createWriteContext(openStore: () => Promise<FollowUpStore>, now: () => Date = () => new Date()): WriteContext {
  let opened: Promise<FollowUpStore> | undefined;
  const store = () => {
    opened ??= openStore().catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    store,
    now,
    async loadPlan(key) {
      try {
        return await (await store()).loadPlan(key);
      } catch (error) {
        if (error instanceof PlanNotFoundError) throw new ApiProblem(404, 'planNotFound', `Planen ${key} finns inte.`);
        throw error;
      }
    },
    async displayName(upn) {
      try {
        const found = await (await store()).people({ users: [upn] });
        return foundPerson(found.users.get(upnKey(upn)))?.displayName;
      } catch {
        // A name is for the message only; without it the message names the UPN.
        return undefined;
      }
    },
  };
}
