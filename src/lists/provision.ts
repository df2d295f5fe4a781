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

export async function provision(
  client: GraphClient,
  siteRef: string,
  options: { lists?: readonly ListSpec[]; onProgress?: (line: string) => void } = {},
): Promise<ProvisionReport> {
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
      // Lookups to the list itself can only be added once the list exists.
      const deferred = spec.columns.filter((c) => c.lookupList === spec.name);
      const columns = spec.columns.filter((c) => c.lookupList !== spec.name).map((c) => columnDefinition(c, listIdOf));
      const { body: created } = await client.post<{ id: string }>(`/sites/${siteId}/lists`, {
        displayName: spec.displayName,
        description: spec.description,
        columns,
        list: { template: 'genericList' },
      });
      listIds[spec.name] = created.id;
      for (const column of deferred) {
        await client.post(`/sites/${siteId}/lists/${created.id}/columns`, columnDefinition(column, listIdOf));
      }
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
  return { siteId, listIds: listIds as Record<ListName, string>, changes, drift };
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
    await client.post(columnsPath, columnDefinition(spec, listIdOf));
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
  await client.patch(`${columnsPath}/${actual.id}`, patch);
  const change = `Ändrade kolumnen ${where}: ${changed.join(', ')}`;
  return driftText ? { change, drift: driftText } : { change };
}
