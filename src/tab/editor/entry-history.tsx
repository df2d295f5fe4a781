// The entry's history: SharePoint keeps every version of a list item; shown on request only, so
// opening the editor costs no extra round trip.
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { SubjectKind } from '../../core';
import { formatValue } from '../../core';
import type { EntryVersion, FollowUpStore } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { assessmentLabel, levelLabel, statusLabel, trendLabel } from './vocabulary-labels';

export interface EntryHistoryProps {
  readonly store: Pick<FollowUpStore, 'entryVersions'>;
  readonly itemId: string;
  readonly kind: SubjectKind;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly unit?: string | undefined;
}

function describe(version: EntryVersion, props: EntryHistoryProps): string[] {
  const { values } = version;
  const { language, strings, kind } = props;
  return [
    values.value !== undefined ? `${strings.editor.outcome}: ${formatValue(values.value, props.unit)}` : '',
    values.level ? `${strings.editor.level}: ${levelLabel(values.level, language)}` : '',
    values.assessment ? `${strings.editor.assessment}: ${assessmentLabel(kind, values.assessment, language)}` : '',
    values.trend ? `${strings.editor.trend}: ${trendLabel(values.trend, language)}` : '',
    values.status ? `${strings.editor.status}: ${statusLabel(values.status, language)}` : '',
    values.comment ? `${strings.editor.comment}: ${values.comment}` : '',
  ].filter(Boolean);
}

export function EntryHistory(props: EntryHistoryProps) {
  const { store, itemId, strings, language } = props;
  const [versions, setVersions] = useState<EntryVersion[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const load = async () => {
    try {
      setVersions(await store.entryVersions({ itemId }));
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
          {versions.map((v) => (
            <li key={v.id}>
              <Text block weight="semibold">
                {[when(v.modifiedAt), v.modifiedBy ?? ''].filter(Boolean).join(' ')}
              </Text>
              {describe(v, props).map((line) => (
                <Text block key={line}>
                  {line}
                </Text>
              ))}
            </li>
          ))}
        </ol>
      )}
      {failed ? <Text block>{failed}</Text> : null}
    </div>
  );
}
