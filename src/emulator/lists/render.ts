/**
 * Records → the JSON Graph returns: site, list, listItem, fieldValueSet, listItemVersion.
 * Property order follows captured Graph responses, so diffs against real payloads stay readable.
 */
import { fieldKeyOf } from './column-definitions';
import { itemETag } from './etag';
import type { ColumnRecord, FieldValue, ItemRecord, ListRecord, SiteRecord } from './list-store';

/** Everything rendering an item needs besides the item. */
export interface ItemContext {
  readonly graphBaseUrl: string;
  readonly site: SiteRecord;
  readonly list: ListRecord;
  readonly columns: readonly ColumnRecord[];
  /** The value a lookup column shows when selected by name: the looked-up item's column value. */
  readonly lookupValue: (column: ColumnRecord, itemId: number) => FieldValue | undefined;
}

/** `$expand=fields(…)` and `$select` of one request. */
export interface ItemShape {
  /** Top-level properties to keep (`@odata.etag` always stays); undefined keeps all. */
  readonly select?: readonly string[] | undefined;
  /** Undefined: no `fields`; otherwise which fields (undefined: all). */
  readonly fields?: { readonly select?: readonly string[] | undefined } | undefined;
}

export function siteWebUrl(site: SiteRecord): string {
  return `https://${site.hostname}${site.path === '/' ? '' : site.path}`;
}

export function contextUrl(graphBaseUrl: string, fragment: string): string {
  return `${graphBaseUrl}/$metadata#${fragment}`;
}

export function listContext(site: SiteRecord, list: ListRecord): string {
  return `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')`;
}

export function renderSite(site: SiteRecord, isTenantRoot: boolean): Record<string, unknown> {
  const json: Record<string, unknown> = {
    createdDateTime: site.created,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: site.name,
    webUrl: siteWebUrl(site),
    displayName: site.displayName,
  };
  if (isTenantRoot) {
    json.root = {};
    json.siteCollection = { hostname: site.hostname };
  }
  json.sharepointIds = { siteId: site.siteCollectionId, siteUrl: siteWebUrl(site), webId: site.webId };
  return json;
}

export function renderList(site: SiteRecord, list: ListRecord): Record<string, unknown> {
  const eTag = `"${list.id},${list.version}"`;
  return {
    '@odata.etag': eTag,
    createdDateTime: list.created,
    description: list.description,
    eTag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: `${siteWebUrl(site)}/Lists/${encodeURIComponent(list.name)}`,
    displayName: list.displayName,
    createdBy: list.createdBy,
    lastModifiedBy: list.modifiedBy,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

function itemContentTypeId(list: ListRecord): string {
  return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
}

/** Every field of the item in Graph's order: the list's columns that have a value, then the built-ins. */
function allFields(item: ItemRecord, ctx: ItemContext): Record<string, unknown> {
  const json: Record<string, unknown> = { '@odata.etag': itemETag(item.uniqueId, item.version) };
  for (const column of ctx.columns) {
    const key = fieldKeyOf(column);
    const value = item.fields[key];
    if (value === undefined) continue; // SharePoint leaves empty fields out of the fieldValueSet
    json[key] = column.type === 'lookup' ? String(value) : value;
  }
  const title = item.fields.Title;
  Object.assign(json, {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: String(item.authorLookupId),
    EditorLookupId: String(item.editorLookupId),
  });
  if (item.appAuthorLookupId !== undefined) json.AppAuthorLookupId = String(item.appAuthorLookupId);
  if (item.appEditorLookupId !== undefined) json.AppEditorLookupId = String(item.appEditorLookupId);
  Object.assign(json, { _UIVersionString: `${item.version}.0`, Attachments: false, Edit: '' });
  if (title !== undefined) Object.assign(json, { LinkTitleNoMenu: title, LinkTitle: title });
  Object.assign(json, {
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  });
  return json;
}

/**
 * The fieldValueSet; with `select`, only those fields (names case-insensitive; unknown names are
 * skipped). A lookup column selected by its own name shows the looked-up value.
 */
export function renderFields(item: ItemRecord, ctx: ItemContext, select?: readonly string[]): Record<string, unknown> {
  const all = allFields(item, ctx);
  if (select === undefined || select.length === 0) return all;
  const byLower = new Map(Object.keys(all).map((k) => [k.toLowerCase(), k]));
  const json: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    const key = byLower.get(name.toLowerCase());
    if (key !== undefined) {
      json[key] = all[key];
      continue;
    }
    const lookup = ctx.columns.find((c) => c.type === 'lookup' && c.name.toLowerCase() === name.toLowerCase());
    const id = lookup && item.fields[fieldKeyOf(lookup)];
    if (lookup && typeof id === 'number') {
      const value = ctx.lookupValue(lookup, id);
      if (value !== undefined) json[lookup.name] = value;
    }
  }
  return json;
}

export function renderItem(item: ItemRecord, ctx: ItemContext, shape: ItemShape): Record<string, unknown> {
  const eTag = itemETag(item.uniqueId, item.version);
  const json: Record<string, unknown> = {
    '@odata.etag': eTag,
    createdDateTime: item.created,
    eTag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${siteWebUrl(ctx.site)}/Lists/${encodeURIComponent(ctx.list.name)}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.modifiedBy,
    parentReference: { id: ctx.list.id, siteId: ctx.site.id },
    contentType: { id: itemContentTypeId(ctx.list), name: 'Item' },
  };
  if (shape.select && shape.select.length > 0) {
    const keep = new Set(shape.select.map((s) => s.toLowerCase()));
    for (const key of Object.keys(json)) {
      if (key !== '@odata.etag' && !keep.has(key.toLowerCase())) delete json[key];
    }
  }
  if (shape.fields) json.fields = renderFields(item, ctx, shape.fields.select);
  return json;
}

/** A deleted item in a delta feed. */
export function renderDeletedItem(itemId: number, ctx: ItemContext): Record<string, unknown> {
  return { id: String(itemId), parentReference: { siteId: ctx.site.id }, deleted: { state: 'deleted' } };
}

/** A listItemVersion; `fields` only when expanded (`$expand=fields`, optionally with `$select`). */
export function renderVersion(version: ItemRecord, ctx: ItemContext, fields: ItemShape['fields']): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: `${version.version}.0`,
    lastModifiedBy: version.modifiedBy,
    lastModifiedDateTime: version.modified,
    published: { level: 'published', versionId: `${version.version}.0` },
  };
  if (fields) json.fields = renderFields(version, ctx, fields.select);
  return json;
}
