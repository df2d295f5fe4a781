import { arr, BOB, createList, harness } from './helpers';

describe('items/{id}/versions', () => {
  it('lists one version per write, newest first; with $expand=fields, the values at that version', async () => {
    const h = harness();
    await createList(h, 'Risks', [{ name: 'Level', number: {} }]);
    const params = { listRef: 'Risks' };
    await h.ok('createItem', { method: 'POST', params, body: { fields: { Title: 'R', Level: 1 } } });
    h.advance(1000);
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '1' }, body: { Level: 2 }, caller: BOB });
    h.advance(1000);
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '1' }, body: { Level: null, Title: 'R2' } });

    const bare = arr((await h.ok('listItemVersions', { params: { ...params, itemId: '1' } })).value);
    expect(bare.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    // `fields` is a relationship: without $expand a version has no values (listitem-list-versions.md).
    expect(bare.every((v) => !('fields' in v))).toBe(true);

    const res = await h.ok('listItemVersions', { params: { ...params, itemId: '1' }, query: { $expand: 'fields' } });
    const versions = arr(res.value);
    expect(versions.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(versions.map((v) => v.lastModifiedDateTime)).toEqual(['2025-03-01T08:00:02Z', '2025-03-01T08:00:01Z', '2025-03-01T08:00:00Z']);
    expect(versions[1]?.lastModifiedBy).toEqual({ user: { id: '22222222-2222-4222-8222-222222222222', email: 'bob@malkoll.test', displayName: 'Bob' } });
    expect(versions[0]?.fields).toEqual(expect.objectContaining({ Title: 'R2', _UIVersionString: '3.0' }));
    expect(versions[0]?.fields).not.toHaveProperty('Level');
    expect(versions[1]?.fields).toEqual(expect.objectContaining({ Title: 'R', Level: 2, _UIVersionString: '2.0', Modified: '2025-03-01T08:00:01Z' }));
    expect(versions[2]?.fields).toEqual(expect.objectContaining({ Level: 1, Created: '2025-03-01T08:00:00Z' }));

    const selected = await h.ok('listItemVersions', { params: { ...params, itemId: '1' }, query: { $expand: 'fields($select=Level)' } });
    expect(arr(selected.value)[1]?.fields).toEqual({ '@odata.etag': expect.stringMatching(/,2"$/), Level: 2 });
  });

  it('answers 404 for an unknown or deleted item', async () => {
    const h = harness();
    await createList(h, 'Risks');
    const params = { listRef: 'Risks' };
    expect((await h.fails('listItemVersions', { params: { ...params, itemId: '1' } })).status).toBe(404);
    await h.ok('createItem', { method: 'POST', params, body: { fields: {} } });
    await h.ok('deleteItem', { method: 'DELETE', params: { ...params, itemId: '1' } });
    expect((await h.fails('listItemVersions', { params: { ...params, itemId: '1' } })).code).toBe('itemNotFound');
  });
});
