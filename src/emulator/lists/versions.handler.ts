/**
 * GET …/items/{itemId}/versions: one snapshot per write, newest first. The field values come only
 * with `$expand=fields` (`fields` is a relationship of listItemVersion, as in Graph).
 */
import type { OperationHandlers } from '../server/contract';
import { itemContext, resolveList } from './context';
import type { ListEnv } from './context';
import { itemNotFound } from './graph-errors';
import { itemShape } from './query';
import { contextUrl, listContext, renderVersion } from './render';

export function versionHandlers(env: ListEnv): OperationHandlers {
  return {
    listItemVersions: (req) => {
      const { site, list } = resolveList(env, req);
      const shape = itemShape(req);
      const itemId = req.params.itemId ?? '';
      const versions = env.store.itemVersions(list, itemId);
      if (!versions) throw itemNotFound();
      const ctx = itemContext(env, req, site, list);
      return {
        status: 200,
        body: {
          '@odata.context': contextUrl(req.graphBaseUrl, `${listContext(site, list)}/items('${versions[0]?.id ?? itemId}')/versions`),
          value: versions.map((version) => renderVersion(version, ctx, shape.fields)),
        },
      };
    },
  };
}
