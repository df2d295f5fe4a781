import { createListOperations } from '../../../src/emulator/lists';
import { ALICE, APP, BOB, createList, harness, obj, SITE_REF } from './helpers';
import type { Harness } from './helpers';

const ETAG = /^"[0-9a-f-]{36},(\d+)"$/;

async function setup(): Promise<{ h: Harness; parentId: string }> {
  const h = harness();
  const parentId = await createList(h, 'Organisations', [{ name: 'Code', text: {}, indexed: true, enforceUniqueValues: true }]);
  await createList(h, 'Actions', [
    { name: 'Status', choice: { choices: ['open', 'done'] }, indexed: true },
    { name: 'Amount', number: {} },
    { name: 'Done', boolean: {} },
    { name: 'Due', dateTime: {} },
    { name: 'Day', dateTime: { format: 'dateOnly' } },
    { name: 'Body', text: { allowMultipleLines: true } },
    { name: 'Org', lookup: { listId: parentId } },
    { name: 'Short', text: { maxLength: 5 } },
  ]);
  return { h, parentId };
}

const actions = { listRef: 'Actions' };

describe('create, read, update, delete', () => {
  it('creates an item (201) with the full item shape and fields', async () => {
    const { h, parentId } = await setup();
    const res = await h.call('createItem', {
      method: 'POST',
      params: actions,
      body: { fields: { Title: 'Call', Status: 'open', Amount: 12.5, Done: false, Due: '2025-03-10T10:00:00+01:00', Day: '2025-03-10', Body: 'a\nb', OrgLookupId: '3' } },
    });
    expect(res.status).toBe(201);
    const item = obj(res.body);
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(ETAG);
    expect(item['@odata.etag']).toBe(item.eTag);
    expect(item).toMatchObject({
      createdDateTime: '2025-03-01T08:00:00Z',
      lastModifiedDateTime: '2025-03-01T08:00:00Z',
      createdBy: { user: { id: '11111111-1111-4111-8111-111111111111', displayName: 'Alice', email: 'alice@malkoll.test' } },
      contentType: { name: 'Item' },
    });
    expect(obj(item.parentReference).siteId).toMatch(/^localhost,/);
    const fields = obj(item.fields);
    expect(fields).toMatchObject({
      '@odata.etag': item.eTag,
      Title: 'Call',
      LinkTitle: 'Call',
      Status: 'open',
      Amount: 12.5,
      Done: false,
      Due: '2025-03-10T09:00:00Z',
      Day: '2025-03-09T23:00:00Z', // 10 March, midnight on the (Stockholm) site
      Body: 'a\nb',
      OrgLookupId: '3',
      id: '1',
      ContentType: 'Item',
      Created: '2025-03-01T08:00:00Z',
      Modified: '2025-03-01T08:00:00Z',
      _UIVersionString: '1.0',
      Attachments: false,
    });
    expect(fields.AuthorLookupId).toEqual(fields.EditorLookupId);
    expect(typeof fields.AuthorLookupId).toBe('string');
    expect(parentId).toBeDefined();
  });

  it('numbers items sequentially per list and never reuses a deleted ID', async () => {
    const { h } = await setup();
    for (let i = 0; i < 3; i += 1) await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: `t${i}` } } });
    await h.ok('deleteItem', { method: 'DELETE', params: { ...actions, itemId: '3' } });
    const next = await h.ok('createItem', { method: 'POST', params: actions, body: { fields: {} } });
    expect(next.id).toBe('4');
    const other = await h.ok('createItem', { method: 'POST', params: { listRef: 'Organisations' }, body: { fields: { Code: 'x' } } });
    expect(other.id).toBe('1');
  });

  it('gets an item without fields unless expanded, with $select inside $expand', async () => {
    const { h } = await setup();
    await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A', Status: 'open', Amount: 1 } } });
    const plain = await h.ok('getItem', { params: { ...actions, itemId: '1' } });
    expect(plain.fields).toBeUndefined();
    const expanded = await h.ok('getItem', { params: { ...actions, itemId: '1' }, query: { $expand: 'fields($select=Title,amount)' } });
    expect(Object.keys(obj(expanded.fields))).toEqual(['@odata.etag', 'Title', 'Amount']);
    const docsSpelling = await h.ok('getItem', { params: { ...actions, itemId: '1' }, query: { expand: 'fields(select=Status)' } });
    expect(obj(docsSpelling.fields).Status).toBe('open');
    const selected = await h.ok('getItem', { params: { ...actions, itemId: '1' }, query: { $select: 'id,eTag' } });
    expect(Object.keys(selected).sort()).toEqual(['@odata.context', '@odata.etag', 'eTag', 'id']);
  });

  it('shows the looked-up value when a lookup column is selected by name', async () => {
    const { h } = await setup();
    await h.ok('createItem', { method: 'POST', params: { listRef: 'Organisations' }, body: { fields: { Title: 'Region Örebro län', Code: 'RÖL' } } });
    await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A', OrgLookupId: '1' } } });
    const res = await h.ok('getItemFields', { params: { ...actions, itemId: '1' }, query: { $select: 'Org,OrgLookupId' } });
    expect(res).toMatchObject({ Org: 'Region Örebro län', OrgLookupId: '1' });
  });

  it('GET …/fields answers the fieldValueSet alone', async () => {
    const { h } = await setup();
    await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A' } } });
    const fields = await h.ok('getItemFields', { params: { ...actions, itemId: '1' } });
    expect(fields).toMatchObject({ Title: 'A', id: '1', _UIVersionString: '1.0' });
    expect(fields.Amount).toBeUndefined(); // empty fields are left out
  });

  it('PATCH …/fields answers 200 with every field, bumps the version and changes the eTag', async () => {
    const { h } = await setup();
    const created = await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A', Amount: 1, Status: 'open' } } });
    h.advance(60_000);
    const res = await h.call('updateItemFields', { method: 'PATCH', params: { ...actions, itemId: '1' }, body: { Amount: 2, Status: null }, caller: BOB });
    expect(res.status).toBe(200);
    const fields = obj(res.body);
    expect(fields).toMatchObject({ Title: 'A', Amount: 2, _UIVersionString: '2.0', Modified: '2025-03-01T08:01:00Z', Created: '2025-03-01T08:00:00Z' });
    expect(fields.Status).toBeUndefined();
    expect(fields['@odata.etag']).not.toBe(created.eTag);
    expect(String(fields['@odata.etag'])).toMatch(/,2"$/);
    expect(fields.EditorLookupId).not.toBe(fields.AuthorLookupId);
    const item = await h.ok('getItem', { params: { ...actions, itemId: '1' } });
    expect(item).toMatchObject({ lastModifiedBy: { user: { displayName: 'Bob' } }, createdBy: { user: { displayName: 'Alice' } } });
  });

  it('honours If-Match on PATCH and DELETE: 412 on mismatch, * and every eTag spelling match', async () => {
    const { h } = await setup();
    const created = await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A' } } });
    const etag = String(created.eTag);
    const params = { ...actions, itemId: '1' };
    const stale = await h.fails('updateItemFields', { method: 'PATCH', params, body: { Title: 'B' }, headers: { 'If-Match': etag.replace(/,1"$/, ',7"') } });
    expect([stale.status, stale.code]).toEqual([412, 'resourceModified']);
    const current = await h.ok('getItemFields', { params });
    expect(current.Title).toBe('A');

    await h.ok('updateItemFields', { method: 'PATCH', params, body: { Title: 'B' }, headers: { 'If-Match': etag } });
    const [guid] = etag.slice(1, -1).split(',');
    await h.ok('updateItemFields', { method: 'PATCH', params, body: { Title: 'C' }, headers: { 'If-Match': `"{${String(guid).toUpperCase()}},2"` } });
    await h.ok('updateItemFields', { method: 'PATCH', params, body: { Title: 'D' }, headers: { 'If-Match': `${String(guid)},3` } });
    await h.ok('updateItemFields', { method: 'PATCH', params, body: { Title: 'E' }, headers: { 'If-Match': '*' } });

    expect((await h.fails('deleteItem', { method: 'DELETE', params, headers: { 'If-Match': etag } })).status).toBe(412);
    const del = await h.call('deleteItem', { method: 'DELETE', params, headers: { 'If-Match': `"${String(guid)},5"` } });
    expect(del).toEqual({ status: 204 });
    expect((await h.fails('getItem', { params })).status).toBe(404);
    expect((await h.fails('deleteItem', { method: 'DELETE', params })).code).toBe('itemNotFound');
    expect((await h.fails('updateItemFields', { method: 'PATCH', params, body: {}, headers: { 'If-Match': '*' } })).status).toBe(404);
  });

  it('finds an item by its listItemUniqueId too', async () => {
    const { h } = await setup();
    const created = await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A' } } });
    const guid = String(created.eTag).slice(1).split(',')[0];
    const byGuid = await h.ok('getItem', { params: { ...actions, itemId: String(guid) } });
    expect(byGuid.id).toBe('1');
    expect((await h.fails('getItem', { params: { ...actions, itemId: 'abc' } })).status).toBe(404);
  });

  it('shows an app-only write as user "SharePoint App" (no id) plus the application, with AppAuthorLookupId', async () => {
    const { h } = await setup();
    const item = await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { Title: 'A' } }, caller: APP });
    const expected = { user: { displayName: 'SharePoint App' }, application: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Målkoll' } };
    expect(item.createdBy).toEqual(expected);
    expect(item.lastModifiedBy).toEqual(expected);
    const fields = obj(item.fields);
    expect(typeof fields.AppAuthorLookupId).toBe('string');
    expect(fields.AppAuthorLookupId).not.toBe(fields.AuthorLookupId);
  });

  it('names the application in lastModifiedBy (not createdBy) when a person writes through an app', async () => {
    const withApp = harness();
    const deps = { ...withApp.deps, identityOf: () => ({ user: { id: 'u9', email: 'u9@x', displayName: 'U9' }, application: { id: 'app-1', displayName: 'Målkoll' } }) };
    const ops = createListOperations(deps);
    await createList(withApp, 'T');
    const res = await ops.createItem?.({
      requestId: 'r',
      method: 'POST',
      path: '/sites/x/lists/T/items',
      params: { siteRef: SITE_REF, listRef: 'T' },
      query: new URLSearchParams(),
      headers: {},
      body: { fields: { Title: 'x' } },
      caller: ALICE,
      graphBaseUrl: 'http://localhost/graph/v1.0',
    });
    const item = obj(res?.body);
    expect(item.createdBy).toEqual({ user: { id: 'u9', email: 'u9@x', displayName: 'U9' } });
    expect(item.lastModifiedBy).toEqual({ user: { id: 'u9', email: 'u9@x', displayName: 'U9' }, application: { id: 'app-1', displayName: 'Målkoll' } });
  });
});

describe('refused writes', () => {
  it.each<[string, Record<string, unknown>, number, string, string | RegExp]>([
    ['unknown field', { Nope: 1 }, 400, 'invalidRequest', "Field 'Nope' is not recognized"],
    ['field names are case-sensitive', { title: 'x' }, 400, 'invalidRequest', "Field 'title' is not recognized"],
    ['read-only id', { id: '5' }, 400, 'invalidRequest', "Field 'id' is read-only"],
    ['read-only Created', { Created: '2025-01-01' }, 400, 'invalidRequest', "Field 'Created' is read-only"],
    ['text as number', { Title: 5 }, 400, 'invalidRequest', /Title/],
    ['number as string', { Amount: '5' }, 400, 'invalidRequest', /Amount/],
    ['boolean as number', { Done: 1 }, 400, 'invalidRequest', /Done/],
    ['bad date', { Due: '31/12/2025' }, 400, 'invalidRequest', /Due/],
    ['impossible date', { Due: '2025-02-30' }, 400, 'invalidRequest', /Due/],
    ['choice outside choices', { Status: 'maybe' }, 400, 'invalidRequest', 'Invalid request'],
    ['lookup as number', { OrgLookupId: 3 }, 400, 'generalException', 'General exception while processing'],
    ['lookup by its name', { Org: '3' }, 400, 'invalidRequest', /OrgLookupId/],
    ['too long text', { Short: 'abcdef' }, 400, 'invalidRequest', /maximum length of 5/],
    ['multi-value annotation', { 'Status@odata.type': 'Collection(Edm.String)', Status: ['open'] }, 400, 'invalidRequest', /multiple values/],
  ])('%s', async (_, fields, status, code, message) => {
    const { h } = await setup();
    const error = await h.fails('createItem', { method: 'POST', params: actions, body: { fields } });
    expect([error.status, error.code]).toEqual([status, code]);
    expect(error.message).toMatch(message);
    const list = await h.ok('listItems', { params: actions });
    expect(list.value).toEqual([]);
  });

  it('ignores annotations such as an echoed @odata.etag', async () => {
    const { h } = await setup();
    await h.ok('createItem', { method: 'POST', params: actions, body: { fields: { '@odata.etag': '"x,1"', Title: 'A' } } });
  });

  it('refuses a missing body or a non-object fields', async () => {
    const { h } = await setup();
    expect((await h.fails('createItem', { method: 'POST', params: actions })).status).toBe(400);
    expect((await h.fails('createItem', { method: 'POST', params: actions, body: { fields: [1] } })).status).toBe(400);
    expect((await h.fails('updateItemFields', { method: 'PATCH', params: { ...actions, itemId: '1' }, body: 'x' })).status).toBe(400);
  });

  it('refuses a duplicate in a unique column with 409, ignoring case, on create and on update', async () => {
    const { h } = await setup();
    const orgs = { listRef: 'Organisations' };
    await h.ok('createItem', { method: 'POST', params: orgs, body: { fields: { Code: 'Örebro' } } });
    const dup = await h.fails('createItem', { method: 'POST', params: orgs, body: { fields: { Code: 'öREBRO' } } });
    expect([dup.status, dup.code, dup.message]).toEqual([
      409,
      'nameAlreadyExists',
      'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Code].',
    ]);
    await h.ok('createItem', { method: 'POST', params: orgs, body: { fields: { Code: 'Karlskoga' } } });
    expect((await h.fails('updateItemFields', { method: 'PATCH', params: { ...orgs, itemId: '2' }, body: { Code: 'Örebro' } })).status).toBe(409);
    // Writing an item's own value again is not a duplicate; empty values never are.
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...orgs, itemId: '1' }, body: { Code: 'Örebro', Title: 'x' } });
    await h.ok('createItem', { method: 'POST', params: orgs, body: { fields: {} } });
    await h.ok('createItem', { method: 'POST', params: orgs, body: { fields: {} } });
  });

  it('refuses duplicates among simultaneous creates', async () => {
    const { h } = await setup();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => h.call('createItem', { method: 'POST', params: { listRef: 'Organisations' }, body: { fields: { Code: 'same' } } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(9);
  });
});
