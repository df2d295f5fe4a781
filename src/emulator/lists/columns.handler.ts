/** GET/POST …/lists/{listRef}/columns and GET/PATCH …/columns/{columnId} (ID or internal name). */
import type { EmulatorRequest, OperationHandlers } from '../server/contract';
import { BUILT_IN_COLUMNS, findBuiltInColumn, renderBuiltInColumn } from './built-in-columns';
import { applyColumnPatch, parseColumnDefinition, renderColumn } from './column-definitions';
import { bodyObject, nowText, queryOption, resolveList } from './context';
import type { ListEnv } from './context';
import { columnNotFound, invalidRequest } from './graph-errors';
import type { ColumnRecord, ColumnSpec, ListRecord, SiteRecord } from './list-store';
import { contextUrl, listContext } from './render';

/** The list's columns, then the read-only built-ins; hidden ones only when asked for (`$select=hidden,…`). */
export function renderColumns(columns: readonly ColumnRecord[], includeHidden: boolean): Array<Record<string, unknown>> {
  return [...columns.filter((c) => includeHidden || !c.hidden).map(renderColumn), ...BUILT_IN_COLUMNS.map(renderBuiltInColumn)];
}

/** Lookup columns must point at a list of the same site. */
export function checkLookupTargets(env: ListEnv, site: SiteRecord, specs: readonly ColumnSpec[]): void {
  for (const spec of specs) {
    if (spec.type !== 'lookup') continue;
    const listId = String(spec.facet.listId);
    if (env.store.findList(site.id, listId)?.id.toLowerCase() !== listId.toLowerCase()) {
      throw invalidRequest(`The lookup column '${spec.name}' refers to list '${listId}', which this site does not have.`);
    }
  }
}

function findColumn(columns: readonly ColumnRecord[], ref: string): ColumnRecord | undefined {
  const lower = ref.toLowerCase();
  return columns.find((c) => c.id.toLowerCase() === lower) ?? columns.find((c) => c.name.toLowerCase() === lower);
}

function entityContext(req: EmulatorRequest, site: SiteRecord, list: ListRecord): string {
  return contextUrl(req.graphBaseUrl, `${listContext(site, list)}/columns/$entity`);
}

export function columnHandlers(env: ListEnv): OperationHandlers {
  return {
    listColumns: (req) => {
      const { site, list } = resolveList(env, req);
      const select = queryOption(req, 'select') ?? '';
      const includeHidden = select.split(',').some((s) => s.trim().toLowerCase() === 'hidden');
      return {
        status: 200,
        body: {
          '@odata.context': contextUrl(req.graphBaseUrl, `${listContext(site, list)}/columns`),
          value: renderColumns(env.store.columns(list), includeHidden),
        },
      };
    },

    createColumn: (req) => {
      const { site, list } = resolveList(env, req);
      const spec = parseColumnDefinition(bodyObject(req.body));
      checkLookupTargets(env, site, [spec]);
      const column = env.store.createColumn(list, spec, nowText(env));
      return { status: 201, body: { '@odata.context': entityContext(req, site, list), ...renderColumn(column) } };
    },

    getColumn: (req) => {
      const { site, list } = resolveList(env, req);
      const ref = req.params.columnId ?? '';
      const column = findColumn(env.store.columns(list), ref);
      const builtIn = column ? undefined : findBuiltInColumn(ref);
      const json = column ? renderColumn(column) : builtIn ? renderBuiltInColumn(builtIn) : undefined;
      if (!json) throw columnNotFound();
      return { status: 200, body: { '@odata.context': entityContext(req, site, list), ...json } };
    },

    updateColumn: (req) => {
      const { site, list } = resolveList(env, req);
      const ref = req.params.columnId ?? '';
      const body = bodyObject(req.body);
      const column = findColumn(env.store.columns(list), ref);
      if (!column) {
        if (findBuiltInColumn(ref)) throw invalidRequest(`The built-in column '${ref}' is read-only in the emulator.`);
        throw columnNotFound();
      }
      const updated = env.store.updateColumn(list, column.id, (current) => applyColumnPatch(current, body), nowText(env));
      return { status: 200, body: { '@odata.context': entityContext(req, site, list), ...renderColumn(updated) } };
    },
  };
}
