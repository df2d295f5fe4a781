// An entry's history: SharePoint keeps a version of a list item per write. Graph carries the
// field values of versions only with `$expand=fields`, and pages long histories.
import type { FollowUpEntry } from '../core';
import { ASSESSMENTS, ACTION_STATUSES, LEVELS, TRENDS } from '../core';
import type { GraphClient } from '../graph';
import { readChoice, readNumber, readText } from '../lists/fields';

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
    const f = v.fields ?? {};
    const values = Object.fromEntries(
      Object.entries({
        value: readNumber(f, 'Value'),
        level: readChoice(f, 'Level', LEVELS),
        assessment: readChoice(f, 'Assessment', ASSESSMENTS),
        trend: readChoice(f, 'Trend', TRENDS),
        status: readChoice(f, 'Status', ACTION_STATUSES),
        comment: readText(f, 'Comment'),
      }).filter(([, value]) => value !== undefined),
    );
    const who = v.lastModifiedBy?.user?.displayName;
    versions.push({ id: v.id, ...(v.lastModifiedDateTime ? { modifiedAt: v.lastModifiedDateTime } : {}), ...(who ? { modifiedBy: who } : {}), values });
  }
  return versions;
}
