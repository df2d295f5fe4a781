import { ensureDefaultSite } from '../../../src/emulator/lists';
import { BASE, harness, HOST, obj } from './helpers';

describe('getSite', () => {
  it('answers the same site by path, by path closed with a colon, and by composite ID', async () => {
    const h = harness();
    const byPath = await h.ok('getSite', { params: { siteRef: `${HOST}:/sites/malkoll` } });
    const id = String(byPath.id);
    expect(id).toMatch(/^localhost,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(byPath).toMatchObject({ name: 'malkoll', displayName: 'Målkoll', webUrl: 'https://localhost/sites/malkoll' });
    expect(byPath['@odata.context']).toBe(`${BASE}/$metadata#sites/$entity`);
    expect(byPath.root).toBeUndefined();
    const [, siteGuid, webGuid] = id.split(',');
    expect(obj(byPath.sharepointIds)).toEqual({ siteId: siteGuid, siteUrl: 'https://localhost/sites/malkoll', webId: webGuid });

    for (const siteRef of [`${HOST}:/sites/malkoll:`, `${HOST}:/sites/malkoll/`, `${HOST}:/SITES/Malkoll`, id, id.replace(/,/g, '%2C'), `${HOST},${siteGuid}`, String(siteGuid)]) {
      const again = await h.ok('getSite', { params: { siteRef } });
      expect(again.id).toBe(id);
    }
  });

  it('answers the root site for root and for the bare hostname, with root and siteCollection facets', async () => {
    const h = harness();
    const root = await h.ok('getSite', { params: { siteRef: 'root' } });
    expect(root).toMatchObject({ root: {}, siteCollection: { hostname: HOST }, webUrl: 'https://localhost' });
    const byHost = await h.ok('getSite', { params: { siteRef: HOST } });
    expect(byHost.id).toBe(root.id);
    const malkoll = await h.ok('getSite', { params: { siteRef: `${HOST}:/sites/malkoll` } });
    expect(malkoll.id).not.toBe(root.id);
  });

  it('answers 404 itemNotFound for sites that do not exist', async () => {
    const h = harness();
    for (const siteRef of [
      `${HOST}:/sites/other`,
      'contoso.sharepoint.com',
      'contoso.sharepoint.com:/sites/malkoll',
      'localhost,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000',
      'not,a,site,ref',
      '',
    ]) {
      const error = await h.fails('getSite', { params: { siteRef } });
      expect([error.status, error.code]).toEqual([404, 'itemNotFound']);
    }
  });

  it('a composite ID with another hostname is not the site', async () => {
    const h = harness();
    const site = await h.ok('getSite', {});
    const wrongHost = String(site.id).replace(/^localhost/, 'contoso.sharepoint.com');
    expect((await h.fails('getSite', { params: { siteRef: wrongHost } })).status).toBe(404);
  });

  it('ensureDefaultSite is idempotent: the IDs survive a second call', () => {
    const h = harness();
    const first = ensureDefaultSite(h.deps);
    const second = ensureDefaultSite(h.deps);
    expect(second.site.id).toBe(first.site.id);
    expect(second.root.id).toBe(first.root.id);
    expect(first.root.path).toBe('/');
  });
});
