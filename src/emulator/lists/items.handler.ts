/** Item reads and writes: …/items, …/items/{itemId}, …/items/{itemId}/fields. */
import type { EmulatorRequest, OperationHandlers } from '../server/contract';
import { actorOf, bodyObject, itemContext, linkWith, nowText, pageSize, queryOption, resolveList } from './context';
import type { ListEnv } from './context';
import { invalidRequest, itemNotFound } from './graph-errors';
import type { ItemRecord, ListRecord, SiteRecord } from './list-store';
import { assertWithinThreshold, itemQueryOptions, itemShape } from './query';
import { contextUrl, listContext, renderFields, renderItem } from './render';
import { parseSelect } from '../odata';
import { encodeSkipToken } from './tokens';

function itemsContext(req: EmulatorRequest, site: SiteRecord, list: ListRecord): string {
  return contextUrl(req.graphBaseUrl, `${listContext(site, list)}/items`);
}

function fieldsContext(req: EmulatorRequest, site: SiteRecord, list: ListRecord, item: ItemRecord): string {
  return contextUrl(req.graphBaseUrl, `${listContext(site, list)}/items('${item.id}')/fields/$entity`);
}

function itemRef(req: EmulatorRequest): string {
  return req.params.itemId ?? '';
}

export function itemHandlers(env: ListEnv): OperationHandlers {
  return {
    listItems: (req) => {
      const { site, list } = resolveList(env, req);
      const ctx = itemContext(env, req, site, list);
      const shape = itemShape(req);
      const options = itemQueryOptions(req, ctx.columns);
      assertWithinThreshold(env.store, list, options.filter, env.listViewThreshold);
      const page = env.store.queryItems(list, { ...options, limit: pageSize(env, req) });
      const body: Record<string, unknown> = {
        '@odata.context': itemsContext(req, site, list),
        value: page.items.map((item) => renderItem(item, ctx, shape)),
      };
      if (page.next) body['@odata.nextLink'] = linkWith(req, { $skiptoken: encodeSkipToken(page.next) });
      return { status: 200, body };
    },

    createItem: (req) => {
      const { site, list } = resolveList(env, req);
      const { fields = {} } = bodyObject(req.body);
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw invalidRequest("The item's 'fields' must be an object.");
      const item = env.store.createItem(list, fields as Record<string, unknown>, actorOf(env.deps, req.caller), nowText(env));
      const ctx = itemContext(env, req, site, list);
      return {
        status: 201,
        body: { '@odata.context': `${itemsContext(req, site, list)}/$entity`, ...renderItem(item, ctx, { fields: {} }) },
      };
    },

    getItem: (req) => {
      const { site, list } = resolveList(env, req);
      const shape = itemShape(req);
      const item = env.store.getItem(list, itemRef(req));
      if (!item) throw itemNotFound();
      const ctx = itemContext(env, req, site, list);
      return { status: 200, body: { '@odata.context': `${itemsContext(req, site, list)}/$entity`, ...renderItem(item, ctx, shape) } };
    },

    deleteItem: (req) => {
      const { list } = resolveList(env, req);
      env.store.deleteItem(list, itemRef(req), nowText(env), req.headers['if-match']);
      return { status: 204 };
    },

    getItemFields: (req) => {
      const { site, list } = resolveList(env, req);
      const selectText = queryOption(req, 'select');
      const select = selectText === undefined ? undefined : parseSelect(selectText);
      const item = env.store.getItem(list, itemRef(req));
      if (!item) throw itemNotFound();
      const ctx = itemContext(env, req, site, list);
      return { status: 200, body: { '@odata.context': fieldsContext(req, site, list, item), ...renderFields(item, ctx, select) } };
    },

    updateItemFields: (req) => {
      const { site, list } = resolveList(env, req);
      const input = bodyObject(req.body);
      const item = env.store.updateItemFields(list, itemRef(req), input, actorOf(env.deps, req.caller), nowText(env), req.headers['if-match']);
      const ctx = itemContext(env, req, site, list);
      return { status: 200, body: { '@odata.context': fieldsContext(req, site, list, item), ...renderFields(item, ctx) } };
    },
  };
}
