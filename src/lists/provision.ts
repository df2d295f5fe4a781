// Idempotent provisioning: creates the lists and columns that are missing on a site, fixes what it
// safely can (indexes, unique values), changes nothing that is already right, never deletes, and
// reports drift it cannot fix (a column of another type, a choice list without our codes).
import type { GraphClient } from '../graph';
import type { GraphColumn } from './column-definition';
import { columnDefinition, kindOf } from './column-definition';
import type { ColumnSpec, ListName, ListSpec } from './schema';
import { LISTS } from './schema';

export interface ProvisionReport {
  readonly siteId: string;
  readonly listIds: Readonly<Record<ListName, string>>;
  /** What was created or changed, in Swedish, one line each. */
  readonly changes: readonly string[];
  /** What is wrong and left alone. */
  readonly drift: readonly string[];
}

interface GraphList {
  readonly id: string;
  readonly displayName: string;
  readonly name?: string;
}

export function encodeSiteRef(siteRef: string): string {
  return siteRef
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':'))
    .join('/');
}

export async function resolveSiteId(client: GraphClient, siteRef: string): Promise<string> {
  const site = await client.get<{ id: string }>(`/sites/${encodeSiteRef(siteRef)}`);
  return site.id;
}

/** Lists of a site by display name. */
export async function findLists(client: GraphClient, siteId: string): Promise<Map<string, GraphList>> {
  const found = new Map<string, GraphList>();
  for await (const list of client.items<GraphList>(`/sites/${siteId}/lists?$select=id,displayName,name`)) {
    found.set(list.displayName, list);
  }
  return found;
}

export interface ProvisionOptions {
  readonly lists?: readonly ListSpec[];
  readonly onProgress?: (line: string) => void;
  /** Read every list back and report what is missing or different (default true; off for a dry run). */
  readonly verify?: boolean;
}

/**
 * Creates what is missing, list by list and column by column, then reads every list back: SharePoint
 * has been seen to drop columns sent with a new list (microsoft-graph-docs-contrib#675), and a
 * column must be indexed before it can enforce unique values (SPField.EnforceUniqueValues).
 */
export async function provision(client: GraphClient, siteRef: string, options: ProvisionOptions = {}): Promise<ProvisionReport> {
  const lists = options.lists ?? LISTS;
  const progress = options.onProgress ?? (() => undefined);
  const siteId = await resolveSiteId(client, siteRef);
  const existing = await findLists(client, siteId);
  const listIds: Partial<Record<ListName, string>> = {};
  const changes: string[] = [];
  const drift: string[] = [];
  const listIdOf = (name: ListName): string => {
    const id = listIds[name];
    if (!id) throw new Error(`Listan ${name} måste skapas före kolumner som pekar på den`);
    return id;
  };

  for (const spec of lists) {
    const found = existing.get(spec.displayName);
    if (!found) {
      const { body: created } = await client.post<{ id: string }>(`/sites/${siteId}/lists`, {
        displayName: spec.displayName,
        description: spec.description,
        list: { template: 'genericList' },
      });
      listIds[spec.name] = created.id;
      for (const column of spec.columns) await createColumn(client, `/sites/${siteId}/lists/${created.id}/columns`, column, listIdOf);
      changes.push(`Skapade listan ${spec.displayName} med ${spec.columns.length} kolumner`);
      progress(`Skapade listan ${spec.displayName}`);
      continue;
    }
    listIds[spec.name] = found.id;
    const columns = new Map<string, GraphColumn>();
    for await (const column of client.items<GraphColumn>(`/sites/${siteId}/lists/${found.id}/columns`)) columns.set(column.name, column);
    for (const column of spec.columns) {
      const outcome = await reconcileColumn(client, `/sites/${siteId}/lists/${found.id}/columns`, spec, column, columns.get(column.name), listIdOf);
      if (outcome.change) changes.push(outcome.change);
      if (outcome.drift) drift.push(outcome.drift);
    }
    progress(`Kontrollerade listan ${spec.displayName}`);
  }
  if (options.verify !== false) drift.push(...(await verifyLists(client, siteId, lists, listIdOf, drift)));
  return { siteId, listIds: listIds as Record<ListName, string>, changes, drift };
}

/** One column: created with its index, then (in a PATCH of its own) made unique. */
async function createColumn(client: GraphClient, columnsPath: string, spec: ColumnSpec, listIdOf: (name: ListName) => string): Promise<void> {
  const definition = columnDefinition(spec, listIdOf);
  delete definition.enforceUniqueValues;
  const { body: created } = await client.post<{ id: string }>(columnsPath, definition);
  if (spec.unique) await client.patch(`${columnsPath}/${created.id}`, { enforceUniqueValues: true });
}

/**
 * Every list read back against its spec: each line names a column that is missing or different after
 * this run (what reconcile already reported as drift is not repeated).
 */
async function verifyLists(client: GraphClient, siteId: string, lists: readonly ListSpec[], listIdOf: (name: ListName) => string, reported: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const list of lists) {
    const columns = new Map<string, GraphColumn>();
    for await (const column of client.items<GraphColumn>(`/sites/${siteId}/lists/${listIdOf(list.name)}/columns`)) columns.set(column.name, column);
    for (const spec of list.columns) {
      const where = `${list.displayName}.${spec.name}`;
      if (reported.some((line) => line.startsWith(`${where} `))) continue;
      problems.push(...columnProblems(where, spec, columns.get(spec.name), listIdOf));
    }
  }
  return problems;
}

function columnProblems(where: string, spec: ColumnSpec, actual: GraphColumn | undefined, listIdOf: (name: ListName) => string): string[] {
  if (!actual) return [`${where} saknas efter etableringen`];
  const kind = kindOf(actual);
  if (kind !== spec.kind) return [`${where} är av typen ${kind ?? 'okänd'} men ska vara ${spec.kind}`];
  const problems: string[] = [];
  if (spec.indexed && !actual.indexed) problems.push(`${where} är inte indexerad`);
  if (spec.unique && !actual.enforceUniqueValues) problems.push(`${where} kräver inte unika värden`);
  const missingChoices = (spec.choices ?? []).filter((c) => !(actual.choice?.choices ?? []).includes(c));
  if (missingChoices.length > 0) problems.push(`${where} saknar valen ${missingChoices.join(', ')}`);
  if (spec.lookupList && actual.lookup?.listId?.toLowerCase() !== listIdOf(spec.lookupList).toLowerCase()) problems.push(`${where} pekar på fel lista`);
  return problems;
}

async function reconcileColumn(
  client: GraphClient,
  columnsPath: string,
  list: ListSpec,
  spec: ColumnSpec,
  actual: GraphColumn | undefined,
  listIdOf: (name: ListName) => string,
): Promise<{ change?: string; drift?: string }> {
  const where = `${list.displayName}.${spec.name}`;
  if (!actual) {
    await createColumn(client, columnsPath, spec, listIdOf);
    return { change: `Skapade kolumnen ${where}` };
  }
  const kind = kindOf(actual);
  // A date-only column becomes date and time in place (each value keeps its instant); the other
  // way would drop the time of day, so it stays drift.
  const widen = kind === 'date' && spec.kind === 'dateTime';
  if (kind !== spec.kind && !widen) {
    return { drift: `${where} är av typen ${kind ?? 'okänd'} men ska vara ${spec.kind}; ändras inte automatiskt` };
  }
  const missingChoices = (spec.choices ?? []).filter((c) => !(actual.choice?.choices ?? []).includes(c));
  const driftText = missingChoices.length > 0 ? `${where} saknar valen ${missingChoices.join(', ')}` : undefined;
  const patch: Record<string, unknown> = {};
  const changed: string[] = [];
  if (widen) {
    patch.dateTime = { format: 'dateTime' };
    changed.push('date → dateTime');
  }
  if (spec.indexed && !actual.indexed) patch.indexed = true;
  if (spec.unique && !actual.enforceUniqueValues) patch.enforceUniqueValues = true;
  changed.push(...Object.keys(patch).filter((k) => k !== 'dateTime'));
  if (changed.length === 0) return driftText ? { drift: driftText } : {};
  // Uniqueness needs the index in place first, so it goes in a PATCH of its own.
  const { enforceUniqueValues, ...rest } = patch;
  if (Object.keys(rest).length > 0) await client.patch(`${columnsPath}/${actual.id}`, rest);
  if (enforceUniqueValues !== undefined) await client.patch(`${columnsPath}/${actual.id}`, { enforceUniqueValues });
  const change = `Ändrade kolumnen ${where}: ${changed.join(', ')}`;
  return driftText ? { change, drift: driftText } : { change };
}
