/** Row shapes of the list-store tables and their conversion to records. */
import type { ColumnRecord, ColumnSpec, IdentitySet, ItemRecord, ListRecord, SiteRecord, StoredFields } from './list-store';

export interface SiteRow {
  id: string;
  hostname: string;
  site_collection_id: string;
  web_id: string;
  path: string;
  name: string;
  display_name: string;
  description: string;
  created: string;
  modified: string;
}

export interface ListRow {
  key: number;
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  version: number;
  next_item_id: number;
  pruned_seq: number;
}

export interface ColumnRow {
  id: string;
  spec: string;
}

export interface ItemRow {
  id: number;
  unique_id: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  author_lookup: number;
  editor_lookup: number;
  app_author_lookup: number | null;
  app_editor_lookup: number | null;
}

export interface VersionRow {
  version: number;
  fields: string;
  modified: string;
  modified_by: string;
  editor_lookup: number;
  app_editor_lookup: number | null;
}

export function siteFromRow(row: SiteRow): SiteRecord {
  return {
    id: row.id,
    hostname: row.hostname,
    siteCollectionId: row.site_collection_id,
    webId: row.web_id,
    path: row.path,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    created: row.created,
    modified: row.modified,
  };
}

function identity(json: string): IdentitySet {
  return JSON.parse(json) as IdentitySet;
}

export function listFromRow(row: ListRow): ListRecord {
  return {
    key: row.key,
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    template: row.template,
    created: row.created,
    modified: row.modified,
    createdBy: identity(row.created_by),
    modifiedBy: identity(row.modified_by),
    version: row.version,
  };
}

export function columnFromRow(row: ColumnRow): ColumnRecord {
  return { id: row.id, ...(JSON.parse(row.spec) as ColumnSpec) };
}

export function itemFromRow(row: ItemRow): ItemRecord {
  return {
    id: row.id,
    uniqueId: row.unique_id,
    version: row.version,
    fields: JSON.parse(row.fields) as StoredFields,
    created: row.created,
    modified: row.modified,
    createdBy: identity(row.created_by),
    modifiedBy: identity(row.modified_by),
    authorLookupId: row.author_lookup,
    editorLookupId: row.editor_lookup,
    appAuthorLookupId: row.app_author_lookup ?? undefined,
    appEditorLookupId: row.app_editor_lookup ?? undefined,
  };
}

/** A version row completed with what never changes after creation. */
export function versionFromRow(item: ItemRecord, row: VersionRow): ItemRecord {
  return {
    ...item,
    version: row.version,
    fields: JSON.parse(row.fields) as StoredFields,
    modified: row.modified,
    modifiedBy: identity(row.modified_by),
    editorLookupId: row.editor_lookup,
    appEditorLookupId: row.app_editor_lookup ?? undefined,
  };
}
