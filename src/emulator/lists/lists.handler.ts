/** GET/POST /sites/{siteRef}/lists and GET …/lists/{listRef} (GUID or display name). */
import { GraphError } from '../server/contract';
import type { EmulatorRequest, OperationHandlers } from '../server/contract';
import { applyColumnPatch, parseColumnDefinition, titleColumn } from './column-definitions';
import { checkLookupTargets, renderColumns } from './columns.handler';
import { actorOf, bodyObject, linkWith, nowText, pageSize, queryOption, resolveList, resolveSite } from './context';
import type { ListEnv } from './context';
import { invalidRequest } from './graph-errors';
import type { ColumnSpec, ListRecord, SiteRecord } from './list-store';
import { contextUrl, renderList } from './render';
import { decodeSkipToken, encodeSkipToken } from './tokens';

/** Graph filters the lists collection on displayName only (research §2). */
function displayNameFilter(req: EmulatorRequest): string | undefined {
  const filter = queryOption(req, 'filter');
  if (filter === undefined) return undefined;
  const m = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m) throw invalidRequest('The provided filter statement is not supported');
  return (m[1] ?? '').replace(/''/g, "'");
}

/** A `Title` entry adjusts the template's Title column (unstated properties keep the template's values). */
function columnOfNewList(body: unknown): ColumnSpec {
  const isTitle = typeof body === 'object' && body !== null && (body as { name?: unknown }).name === 'Title';
  return isTitle ? applyColumnPatch(titleColumn(), body) : parseColumnDefinition(body);
}

function parseNewList(body: Record<string, unknown>): { displayName: string; name: string; description: string; template: string; columns: ColumnSpec[] } {
  const { displayName, name, description, list, columns } = body;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest("A list needs a 'displayName'.");
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) throw invalidRequest("The list's 'name' must be a non-empty string.");
  if (description !== undefined && typeof description !== 'string') throw invalidRequest("The list's 'description' must be a string.");
  if (list !== undefined && (typeof list !== 'object' || list === null)) throw invalidRequest("The list's 'list' facet must be an object.");
  const template = (list as { template?: unknown } | undefined)?.template ?? 'genericList';
  if (template !== 'genericList') {
    throw new GraphError(501, 'notImplemented', `Lists with the template '${String(template)}' are not supported by the emulator; use genericList.`);
  }
  if (columns !== undefined && !Array.isArray(columns)) throw invalidRequest("The list's 'columns' must be an array.");
  return {
    displayName: displayName.trim(),
    name: typeof name === 'string' ? name.trim() : displayName.trim(),
    description: description ?? '',
    template,
    columns: (columns ?? []).map(columnOfNewList),
  };
}

function listBody(env: ListEnv, req: EmulatorRequest, site: SiteRecord, list: ListRecord): Record<string, unknown> {
  const json = renderList(site, list);
  const expand = queryOption(req, 'expand');
  if (expand !== undefined && expand.split(',').some((part) => part.trim().toLowerCase().startsWith('columns'))) {
    json.columns = renderColumns(env.store.columns(list), false);
  }
  return json;
}

export function listHandlers(env: ListEnv): OperationHandlers {
  return {
    listLists: (req) => {
      const site = resolveSite(env, req);
      const title = displayNameFilter(req);
      const skipToken = queryOption(req, 'skiptoken');
      const after = skipToken === undefined ? undefined : decodeSkipToken(skipToken);
      if (skipToken !== undefined && !after) throw invalidRequest('The $skiptoken is not valid.');
      const limit = pageSize(env, req);
      const page =
        title === undefined
          ? env.store.listLists(site.id, after?.id, limit)
          : { lists: [env.store.findList(site.id, title)].filter((l): l is ListRecord => l?.displayName.toLowerCase() === title.toLowerCase()), more: false };
      const body: Record<string, unknown> = {
        '@odata.context': contextUrl(req.graphBaseUrl, `sites('${encodeURIComponent(site.id)}')/lists`),
        value: page.lists.map((list) => renderList(site, list)),
      };
      const last = page.lists[page.lists.length - 1];
      if (page.more && last) body['@odata.nextLink'] = linkWith(req, { $skiptoken: encodeSkipToken({ values: [], id: last.key }) });
      return { status: 200, body };
    },

    createList: (req) => {
      const site = resolveSite(env, req);
      const input = parseNewList(bodyObject(req.body));
      checkLookupTargets(env, site, input.columns);
      const list = env.store.createList(site, input, actorOf(env.deps, req.caller), nowText(env));
      return {
        status: 201,
        body: { '@odata.context': contextUrl(req.graphBaseUrl, `sites('${encodeURIComponent(site.id)}')/lists/$entity`), ...listBody(env, req, site, list) },
      };
    },

    getList: (req) => {
      const { site, list } = resolveList(env, req);
      return {
        status: 200,
        body: { '@odata.context': contextUrl(req.graphBaseUrl, `sites('${encodeURIComponent(site.id)}')/lists/$entity`), ...listBody(env, req, site, list) },
      };
    },
  };
}
