// The entry's history: SharePoint keeps every version of a list item; shown on request only, so
// opening the editor costs no extra round trip.
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { formatValue } from '../../core';
import type { FollowUpStore } from '../../store';
import type { Strings, UiLanguage } from '../../ui';

interface GraphVersion {
  readonly id: string;
  readonly lastModifiedDateTime?: string;
  readonly lastModifiedBy?: { readonly user?: { readonly displayName?: string; readonly email?: string } };
  readonly fields?: Record<string, unknown>;
}

export interface EntryHistoryProps {
  readonly store: FollowUpStore;
  readonly itemId: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly unit?: string | undefined;
}

export function EntryHistory({ store, itemId, strings, language, unit }: EntryHistoryProps) {
  const [versions, setVersions] = useState<GraphVersion[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const load = async () => {
    try {
      const path = `/sites/${store.site.siteId}/lists/${store.site.listIds.FollowUps}/items/${itemId}/versions`;
      const body = await store.client.get<{ value?: GraphVersion[] }>(path);
      setVersions(body.value ?? []);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    }
  };
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB') : '');
  return (
    <div>
      <Subtitle2 as="h3">{strings.editor.history}</Subtitle2>
      {versions === undefined ? (
        <Button size="small" onClick={() => void load()}>
          {strings.editor.historyLoad}
        </Button>
      ) : versions.length === 0 ? (
        <Text block>{strings.editor.historyEmpty}</Text>
      ) : (
        <ol>
          {versions.map((v) => {
            const value = typeof v.fields?.Value === 'number' ? formatValue(v.fields.Value, unit) : undefined;
            const comment = typeof v.fields?.Comment === 'string' ? v.fields.Comment : undefined;
            return (
              <li key={v.id}>
                <Text block weight="semibold">
                  {when(v.lastModifiedDateTime)} {v.lastModifiedBy?.user?.displayName ?? ''}
                </Text>
                {value ? <Text block>{value}</Text> : null}
                {comment ? <Text block>{comment}</Text> : null}
              </li>
            );
          })}
        </ol>
      )}
      {failed ? <Text block>{failed}</Text> : null}
    </div>
  );
}
