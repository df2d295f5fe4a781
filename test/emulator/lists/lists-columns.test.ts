import { arr, createList, fromLink, harness, obj } from './helpers';

describe('lists', () => {
  it('creates a genericList with Title and the given columns (201) and finds it by ID and by display name', async () => {
    const h = harness();
    const res = await h.call('createList', {
      method: 'POST',
      body: { displayName: 'Periods', columns: [{ name: 'Key', text: {}, indexed: true }, { name: 'Year', number: {} }], list: { template: 'genericList' } },
    });
    expect(res.status).toBe(201);
    const list = obj(res.body);
    expect(list.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(list).toMatchObject({ displayName: 'Periods', name: 'Periods', list: { template: 'genericList', hidden: false } });
    expect(obj(obj(list.createdBy).user)).toMatchObject({ displayName: 'Alice', email: 'alice@malkoll.test' });
    expect(list.eTag).toBe(`"${String(list.id)},1"`);

    const byId = await h.ok('getList', { params: { listRef: String(list.id) } });
    const byTitle = await h.ok('getList', { params: { listRef: 'periods' } });
    expect(byId.id).toBe(list.id);
    expect(byTitle.id).toBe(list.id);

    const withColumns = await h.ok('getList', { params: { listRef: 'Periods' }, query: { $expand: 'columns' } });
    const names = arr(withColumns.columns).map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['Title', 'Key', 'Year']);
    expect(names).toEqual(expect.arrayContaining(['Created', 'Modified', 'Author', 'Editor', 'ID']));
  });

  it('defaults the template to genericList and refuses other templates with 501', async () => {
    const h = harness();
    const list = await h.ok('createList', { method: 'POST', body: { displayName: 'Plain' } });
    expect(obj(list.list).template).toBe('genericList');
    const error = await h.fails('createList', { method: 'POST', body: { displayName: 'Docs', list: { template: 'documentLibrary' } } });
    expect(error.status).toBe(501);
  });

  it('refuses a second list with the same title (409 nameAlreadyExists), ignoring case', async () => {
    const h = harness();
    await createList(h, 'Goals');
    const error = await h.fails('createList', { method: 'POST', body: { displayName: 'goals' } });
    expect([error.status, error.code]).toEqual([409, 'nameAlreadyExists']);
  });

  it('refuses a body without displayName, and a missing body', async () => {
    const h = harness();
    expect((await h.fails('createList', { method: 'POST', body: { name: 'x' } })).status).toBe(400);
    expect((await h.fails('createList', { method: 'POST' })).status).toBe(400);
  });

  it('answers 404 for an unknown list', async () => {
    const h = harness();
    const error = await h.fails('getList', { params: { listRef: 'Nope' } });
    expect([error.status, error.code]).toEqual([404, 'itemNotFound']);
  });

  it('pages the lists collection with an opaque $skiptoken and filters on displayName', async () => {
    const h = harness();
    for (const name of ['A', 'B', 'C', 'D', 'E']) await createList(h, name);
    const seen: string[] = [];
    let page = await h.ok('listLists', { query: { $top: '2' } });
    for (;;) {
      seen.push(...arr(page.value).map((l) => String(l.displayName)));
      const next = page['@odata.nextLink'];
      if (next === undefined) break;
      expect(String(next)).toContain('$top=2');
      page = await h.ok('listLists', fromLink(next, {}));
    }
    expect(seen).toEqual(['A', 'B', 'C', 'D', 'E']);
    const filtered = await h.ok('listLists', { query: { $filter: "displayName eq 'C'" } });
    expect(arr(filtered.value).map((l) => l.displayName)).toEqual(['C']);
    const bad = await h.fails('listLists', { query: { $filter: "name eq 'C'" } });
    expect([bad.status, bad.code, bad.message]).toEqual([400, 'invalidRequest', 'The provided filter statement is not supported']);
  });
});

describe('columns', () => {
  it('lists, creates (201), gets and updates columns', async () => {
    const h = harness();
    await createList(h, 'Orgs');
    const params = { listRef: 'Orgs' };
    const res = await h.call('createColumn', {
      method: 'POST',
      params,
      body: { name: 'Kind', displayName: 'Typ', choice: { choices: ['a', 'b'] } },
    });
    expect(res.status).toBe(201);
    const column = obj(res.body);
    expect(column).toMatchObject({ name: 'Kind', displayName: 'Typ', indexed: false, enforceUniqueValues: false, choice: { choices: ['a', 'b'], allowTextEntry: false } });
    const id = String(column.id);

    const got = await h.ok('getColumn', { params: { ...params, columnId: id } });
    expect(got.name).toBe('Kind');
    const byName = await h.ok('getColumn', { params: { ...params, columnId: 'kind' } });
    expect(byName.id).toBe(id);

    const updated = await h.ok('updateColumn', { method: 'PATCH', params: { ...params, columnId: id }, body: { indexed: true, choice: { choices: ['a', 'b', 'c'] } } });
    expect(updated).toMatchObject({ indexed: true, choice: { choices: ['a', 'b', 'c'] } });

    const all = await h.ok('listColumns', { params });
    const names = arr(all.value).map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['Title', 'Kind']);
    const created = arr(all.value).find((c) => c.name === 'Created');
    expect(created).toMatchObject({ readOnly: true, indexed: true, dateTime: { format: 'dateTime' } });
  });

  it('shows the facets Graph shows for each supported type', async () => {
    const h = harness();
    const parentId = await createList(h, 'Parents');
    await createList(h, 'Children', [
      { name: 'Line', text: {} },
      { name: 'Body', text: { allowMultipleLines: true } },
      { name: 'Count', number: { decimalPlaces: 'none' } },
      { name: 'Done', boolean: {} },
      { name: 'Due', dateTime: { format: 'dateOnly' } },
      { name: 'State', choice: { choices: ['open', 'closed'] } },
      { name: 'Parent', lookup: { listId: parentId, columnName: 'Title' } },
    ]);
    const all = arr((await h.ok('listColumns', { params: { listRef: 'Children' } })).value);
    const byName = new Map(all.map((c) => [c.name, c]));
    expect(byName.get('Line')?.text).toMatchObject({ allowMultipleLines: false, maxLength: 255 });
    expect(byName.get('Body')?.text).toMatchObject({ allowMultipleLines: true });
    expect(byName.get('Count')?.number).toMatchObject({ decimalPlaces: 'none', displayAs: 'number' });
    expect(byName.get('Done')?.boolean).toEqual({});
    expect(byName.get('Due')?.dateTime).toMatchObject({ format: 'dateOnly' });
    expect(byName.get('State')?.choice).toMatchObject({ choices: ['open', 'closed'] });
    expect(byName.get('Parent')?.lookup).toMatchObject({ listId: parentId, columnName: 'Title', allowMultipleValues: false });
  });

  it('refuses duplicate names (409), including a name that collides with a lookup field key or a built-in', async () => {
    const h = harness();
    const parentId = await createList(h, 'P');
    await createList(h, 'L', [{ name: 'Code', text: {} }, { name: 'Parent', lookup: { listId: parentId } }]);
    for (const name of ['Code', 'code', 'ParentLookupId', 'Title', 'Created', 'ID']) {
      const error = await h.fails('createColumn', { method: 'POST', params: { listRef: 'L' }, body: { name, text: {} } });
      expect([name, error.status, error.code]).toEqual([name, 409, 'nameAlreadyExists']);
    }
    const inBody = await h.fails('createList', { method: 'POST', body: { displayName: 'Twice', columns: [{ name: 'A', text: {} }, { name: 'a', number: {} }] } });
    expect(inBody.status).toBe(409);
  });

  it('requires an index for unique values, as SharePoint does', async () => {
    const h = harness();
    await createList(h, 'U', [{ name: 'Code', text: {} }]);
    const params = { listRef: 'U' };
    const col = await h.ok('getColumn', { params: { ...params, columnId: 'Code' } });
    const refused = await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: String(col.id) }, body: { enforceUniqueValues: true } });
    expect([refused.status, refused.message]).toEqual([400, 'The field must first be indexed to enforce unique values.']);
    const both = await h.ok('updateColumn', { method: 'PATCH', params: { ...params, columnId: String(col.id) }, body: { indexed: true, enforceUniqueValues: true } });
    expect(both).toMatchObject({ indexed: true, enforceUniqueValues: true });
    const unindex = await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: String(col.id) }, body: { indexed: false } });
    expect(unindex.status).toBe(400);
    const noteCol = await h.fails('createColumn', { method: 'POST', params, body: { name: 'N', text: { allowMultipleLines: true }, indexed: true } });
    expect(noteCol.status).toBe(400);
  });

  it('refuses to make a column unique while its values have duplicates (ignoring case)', async () => {
    const h = harness();
    await createList(h, 'D', [{ name: 'Code', text: {}, indexed: true }]);
    const params = { listRef: 'D' };
    await h.ok('createItem', { method: 'POST', params, body: { fields: { Code: 'abc' } } });
    await h.ok('createItem', { method: 'POST', params, body: { fields: { Code: 'ABC' } } });
    const error = await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: 'Code' }, body: { enforceUniqueValues: true } });
    expect(error.status).toBe(400);
  });

  it('makes Title unique through the list body or a PATCH of the Title column', async () => {
    const h = harness();
    await createList(h, 'FollowUps', [{ name: 'Title', text: {}, indexed: true, enforceUniqueValues: true }]);
    const title = await h.ok('getColumn', { params: { listRef: 'FollowUps', columnId: 'Title' } });
    expect(title).toMatchObject({ id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', indexed: true, enforceUniqueValues: true, required: true });
  });

  it('refuses bad definitions: no facet, two facets, bad name, unknown lookup list, unbuilt facet (501), name or type change', async () => {
    const h = harness();
    await createList(h, 'B', [{ name: 'Code', text: {} }]);
    const params = { listRef: 'B' };
    const bodies: Array<[unknown, number]> = [
      [{ name: 'X' }, 400],
      [{ name: 'X', text: {}, number: {} }, 400],
      [{ name: 'Bad Name', text: {} }, 400],
      [{ name: 'L', lookup: { listId: '00000000-0000-0000-0000-000000000000' } }, 400],
      [{ name: 'C', currency: {} }, 501],
      [{ name: 'X', text: { maxLength: 1000 } }, 400],
      [{ name: 'X', text: {}, indexed: 'yes' }, 400],
    ];
    for (const [body, status] of bodies) {
      expect([body, (await h.fails('createColumn', { method: 'POST', params, body })).status]).toEqual([body, status]);
    }
    expect((await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: 'Code' }, body: { name: 'Other' } })).status).toBe(400);
    expect((await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: 'Code' }, body: { number: {} } })).status).toBe(400);
    expect((await h.fails('updateColumn', { method: 'PATCH', params: { ...params, columnId: 'Created' }, body: { indexed: true } })).status).toBe(400);
    expect((await h.fails('getColumn', { params: { ...params, columnId: 'Nope' } })).status).toBe(404);
  });
});
