// A plan item someone else saved while the controller was editing it, shown as the entry editor
// shows an entry's conflict: nothing was written over, both versions side by side, and a choice.
// What the controller typed stays in the form whichever they choose.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from '@fluentui/react-components';
import type { PlanItemKind } from '../../core';
import type { Strings, UiLanguage } from '../../ui';
import { formOf } from './item-form-model';
import { versionLines } from './item-lines';
import { usePlanEditorStyles } from './plan-editor.styles';
import { whenText } from './plan-status-panel';
import type { ItemConflict } from './use-item-form';

export interface ConflictPanelProps {
  readonly kind: PlanItemKind;
  readonly conflict: ItemConflict;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly nameOf: (upn: string | undefined) => string;
  readonly saving: boolean;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}

export function ConflictPanel({ kind, conflict, strings, language, nameOf, saving, onKeepMine, onTakeTheirs }: ConflictPanelProps) {
  const styles = usePlanEditorStyles();
  const s = strings.planEditor.conflict;
  const context = { strings, language, nameOf };
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.title}</MessageBarTitle>
        {s.intro}
        <div className={styles.comparison}>
          <div>
            <Subtitle2 as="h4">{s.theirs}</Subtitle2>
            {conflict.editedBy ? (
              <Text block size={200} data-testid="plan-conflict-by">
                {strings.editor.conflict.savedBy(conflict.editedBy.name ?? nameOf(conflict.editedBy.upn), whenText(conflict.editedBy.at, language))}
              </Text>
            ) : null}
            <div className={styles.version} data-testid="plan-conflict-theirs">
              {versionLines(kind, formOf(kind, conflict.server), context).join('\n')}
            </div>
          </div>
          <div>
            <Subtitle2 as="h4">{s.mine}</Subtitle2>
            <div className={styles.version} data-testid="plan-conflict-mine">
              {versionLines(kind, conflict.mine, context).join('\n')}
            </div>
          </div>
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onKeepMine} disabled={saving}>
            {s.keepMine}
          </Button>
          <Button onClick={onTakeTheirs} disabled={saving}>
            {s.takeTheirs}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
