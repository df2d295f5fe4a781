// An entry's history: SharePoint keeps a version of a list item per write. Graph carries the
// field values of versions only with `$expand=fields`, and pages long histories.
import type { FollowUpEntry } from '../core';
import type { GraphClient } from '../graph';
import { reportedValues } from '../lists/mapping';

export interface EntryVersion {
  readonly id: string;
  readonly modifiedAt?: string;
  /** The person's display name as SharePoint records it. */
  readonly modifiedBy?: string;
  readonly values: Pick<FollowUpEntry, 'value' | 'level' | 'assessment' | 'trend' | 'status' | 'comment'>;
}

interface GraphVersion {
  readonly id: string;
  readonly lastModifiedDateTime?: string;
  readonly lastModifiedBy?: { readonly user?: { readonly displayName?: string } };
  readonly fields?: Record<string, unknown>;
}

export async function readEntryVersions(client: GraphClient, path: string): Promise<EntryVersion[]> {
  const versions: EntryVersion[] = [];
  for await (const v of client.items<GraphVersion>(`${path}?$expand=fields`)) {
    const values = reportedValues(v.fields ?? {});
    const who = v.lastModifiedBy?.user?.displayName;
    versions.push({ id: v.id, ...(v.lastModifiedDateTime ? { modifiedAt: v.lastModifiedDateTime } : {}), ...(who ? { modifiedBy: who } : {}), values });
  }
  return versions;
}
