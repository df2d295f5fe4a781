/** GET /sites/{siteRef}: the same site whether addressed as root, by path or by composite ID. */
import type { OperationHandlers } from '../server/contract';
import { resolveSite } from './context';
import type { ListEnv } from './context';
import { contextUrl, renderSite } from './render';

export function siteHandlers(env: ListEnv): OperationHandlers {
  return {
    getSite: (req) => {
      const site = resolveSite(env, req);
      return {
        status: 200,
        body: { '@odata.context': contextUrl(req.graphBaseUrl, 'sites/$entity'), ...renderSite(site, site.path === '/') },
      };
    },
  };
}
