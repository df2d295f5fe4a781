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
  /** The Teams app (catalog id) notices are sent as and link into; absent, no notices are sent. */
  readonly teamsAppId?: string;
  /** The organisation's time zone (IANA): what "today" is for reminders. Default Europe/Stockholm. */
  readonly timeZone?: string;
}

export function createWriteContext(openStore: () => Promise<FollowUpStore>, options: { readonly now?: () => Date; readonly teamsAppId?: string | undefined; readonly timeZone?: string | undefined } = {}): WriteContext {
  const now = options.now ?? (() => new Date());
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
    ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
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
