// The question before an item leaves the plan: the editor's own ("Ta bort …? Det går inte att
// ångra.") for a thing never reported on, or the write API's when it has reports or things under
// it (then it is archived, not deleted). Focus goes to the answer; Escape or Avbryt keeps the item.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Strings } from '../../ui';

export interface RemovalQuestion {
  readonly text: string;
  /** The API said it will be archived (it has reports). */
  readonly archives: boolean;
  readonly working: boolean;
}

export function RemovalPanel({ question, strings, onConfirm, onCancel }: { question: RemovalQuestion; strings: Strings; onConfirm: () => void; onCancel: () => void }) {
  const s = strings.planEditor;
  const rootRef = useRef<HTMLDivElement>(null);
  // The answer, not the page, has focus while the question is asked.
  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [question.text]);
  return (
    <div
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <MessageBar intent="warning" layout="multiline" role="alert" data-testid="removal-question">
        <MessageBarBody>{question.text}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onConfirm} disabledFocusable={question.working}>
            {question.working ? s.removing : question.archives ? s.archiveConfirm : s.removeConfirm}
          </Button>
          <Button onClick={onCancel} disabledFocusable={question.working}>
            {s.cancel}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
