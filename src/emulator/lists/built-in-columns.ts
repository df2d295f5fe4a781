/**
 * SharePoint's built-in fields of every genericList item: shown read-only among a list's columns,
 * and reserved, so no list column (or its `fields` key) can take their names.
 */

export interface BuiltInColumn {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly facetKey?: string;
  readonly facet?: Record<string, unknown>;
  readonly indexed: boolean;
}

const PERSON = { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'nameWithPresence' };

/** SharePoint's built-in fields of every genericList item, shown read-only (their IDs are SharePoint's own). */
export const BUILT_IN_COLUMNS: readonly BuiltInColumn[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', displayName: 'ID', indexed: true },
  { id: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d', name: 'ContentType', displayName: 'Content Type', indexed: false },
  {
    id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
    name: 'Modified',
    displayName: 'Modified',
    facetKey: 'dateTime',
    facet: { displayAs: 'default', format: 'dateTime' },
    indexed: true,
  },
  {
    id: '8c06beca-0777-48f7-91c7-6da68bc07b69',
    name: 'Created',
    displayName: 'Created',
    facetKey: 'dateTime',
    facet: { displayAs: 'default', format: 'dateTime' },
    indexed: true,
  },
  { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', name: 'Author', displayName: 'Created By', facetKey: 'personOrGroup', facet: PERSON, indexed: true },
  { id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', name: 'Editor', displayName: 'Modified By', facetKey: 'personOrGroup', facet: PERSON, indexed: false },
  {
    id: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
    name: '_UIVersionString',
    displayName: 'Version',
    facetKey: 'text',
    facet: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255, textType: 'plain' },
    indexed: false,
  },
  { id: '67df98f4-9dec-48ff-a553-29bece9c5bf4', name: 'Attachments', displayName: 'Attachments', facetKey: 'boolean', facet: {}, indexed: false },
];

/** Names a new column may not take: the built-ins and the other keys every item's `fields` has. */
const RESERVED_NAMES = new Set(
  [
    ...BUILT_IN_COLUMNS.map((c) => c.name),
    'LinkTitle',
    'LinkTitleNoMenu',
    'Edit',
    'DocIcon',
    'ItemChildCount',
    'FolderChildCount',
    'AppAuthor',
    'AppEditor',
    'AuthorLookupId',
    'EditorLookupId',
    'AppAuthorLookupId',
    'AppEditorLookupId',
    '_ComplianceFlags',
    '_ComplianceTag',
    '_ComplianceTagWrittenTime',
    '_ComplianceTagUserId',
  ].map((n) => n.toLowerCase()),
);

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name.toLowerCase());
}

export function renderBuiltInColumn(column: BuiltInColumn): Record<string, unknown> {
  const json: Record<string, unknown> = {
    columnGroup: '_Hidden',
    description: '',
    displayName: column.displayName,
    enforceUniqueValues: false,
    hidden: false,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: true,
    required: false,
  };
  if (column.facetKey) json[column.facetKey] = { ...column.facet };
  return json;
}

export function findBuiltInColumn(ref: string): BuiltInColumn | undefined {
  const lower = ref.toLowerCase();
  return BUILT_IN_COLUMNS.find((c) => c.id === lower || c.name.toLowerCase() === lower);
}
