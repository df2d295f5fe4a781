// The plans a session has loaded. Switching back to one shows it at once and brings it up to date
// by delta — six requests of one resource unit each — instead of loading it again (two batches of
// fourteen queries, about 28 units): every reporter shares the app's one SharePoint budget.
import type { FollowUpStore, LoadedPlan, PlanTracker } from '../../store';

/** What the cache needs of the store. */
export type PlanStore = Pick<FollowUpStore, 'loadPlan' | 'track' | 'refresh'>;

interface Entry {
  plan: LoadedPlan;
  /** Where the plan's change feeds were last read (resolving to undefined when they could not start); absent until followed. */
  tracker?: Promise<PlanTracker | undefined>;
}

export class PlanCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: PlanStore) {}

  /** The plan as last loaded or refreshed in this session, if it was. */
  cached(key: string): LoadedPlan | undefined {
    return this.entries.get(key)?.plan;
  }

  /** Loads the plan whole; `follow` then starts its change feeds. */
  async load(key: string): Promise<LoadedPlan> {
    const plan = await this.store.loadPlan(key);
    this.entries.set(key, { plan });
    return plan;
  }

  /**
   * Starts following a loaded plan's lists (six requests), once. The tab calls it after the plan is
   * on screen, so the first view waits for nothing more: a change someone else saves in the moment
   * between shows at the next whole load, and a save over it is still a conflict (If-Match).
   */
  follow(key: string): void {
    const entry = this.entries.get(key);
    if (entry && !entry.tracker) entry.tracker = this.store.track().catch(() => undefined);
  }

  /** The cached plan brought up to date by delta; loaded whole when there is nothing to go on. */
  async refresh(key: string): Promise<LoadedPlan> {
    const entry = this.entries.get(key);
    const tracker = entry?.tracker ? await entry.tracker : undefined;
    // The feed expired (410), or was never started: start over from a whole load, followed.
    const result = entry && tracker ? await this.store.refresh(entry.plan, tracker) : undefined;
    if (!entry || !result || result.status === 'resync-required') {
      const plan = await this.load(key);
      this.follow(key);
      return plan;
    }
    // A save applied while the refresh was under way stays: the feed has it too, or will.
    const current = this.entries.get(key);
    if (current === entry) this.entries.set(key, { plan: result.plan, tracker: Promise.resolve(result.tracker) });
    return this.entries.get(key)?.plan ?? result.plan;
  }

  /** Resolves once the plan's change feeds are followed (true), or are not (false). */
  async following(key: string): Promise<boolean> {
    const tracker = this.entries.get(key)?.tracker;
    return tracker !== undefined && (await tracker) !== undefined;
  }

  /** Keeps a saved entry in the cached plan (the tab applies saves without reloading). */
  update(key: string, change: (plan: LoadedPlan) => LoadedPlan): void {
    const entry = this.entries.get(key);
    if (entry) this.entries.set(key, { ...entry, plan: change(entry.plan) });
  }
}

const caches = new WeakMap<PlanStore, PlanCache>();

/** One cache per store, so per signed-in session (a reopened site brings a new store, and a new cache). */
export function planCacheOf(store: PlanStore): PlanCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new PlanCache(store);
    caches.set(store, cache);
  }
  return cache;
}
