// How a report's writes are grouped into `context.sync()` calls: in order, each batch within the
// byte budget that keeps a request under Excel on the web's 5 MB limit (payload.ts), and no
// section split across batches unless it cannot fit one. So a section costs one sync up to about
// the budget, two up to about twice it: with the shared read first, at most three.

/** What batching needs of a write unit: whose it is and how big its request share is. */
export interface SizedUnit {
  /** The section the unit writes; the registry's unit, written last, has one of its own (-1). */
  readonly section: number;
  readonly bytes: number;
}

/**
 * Units in order, in batches up to `budget` bytes. A section that fits a batch is never split
 * across two; a bigger one starts a batch of its own, so its chunks (sized for it, see
 * `bodyChunkBudget`) each fit. A single unit larger than the budget gets a batch of its own.
 */
export function pack<U extends SizedUnit>(units: readonly U[], budget: number): U[][] {
  const sectionBytes = new Map<number, number>();
  for (const u of units) sectionBytes.set(u.section, (sectionBytes.get(u.section) ?? 0) + u.bytes);
  const batches: U[][] = [];
  let current: U[] = [];
  let bytes = 0;
  let lastSection: number | undefined;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    bytes = 0;
  };
  for (const unit of units) {
    if (unit.section !== lastSection) {
      const whole = sectionBytes.get(unit.section) ?? 0;
      if (whole > budget || bytes + whole > budget) flush();
    } else if (bytes + unit.bytes > budget) flush();
    current.push(unit);
    bytes += unit.bytes;
    lastSection = unit.section;
  }
  flush();
  return batches;
}

/**
 * The bytes a chunk of table body rows may take, so that one chunk plus everything else of its
 * section (`overhead`: clearing, paragraphs, headers, table formats, the Data snapshot) fits one
 * batch. Never under a quarter of the budget, or a section heavy with formats would need many syncs.
 */
export function bodyChunkBudget(budget: number, overhead: number): number {
  return Math.max(budget / 4, budget - overhead);
}
