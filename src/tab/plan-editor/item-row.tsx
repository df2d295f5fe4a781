// One item in the plan editor's lists: its title and a line of what it holds, and its buttons
// (Ändra, Flytta upp, Flytta ned, Ta bort), each named with the item's title for screen readers.
// At either end a move button stays focusable but disabled, so focus never drops after a move.
import { Button, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Strings } from '../../ui';
import type { ListKind } from './plan-structure';
import { usePlanEditorStyles } from './plan-editor.styles';

export interface ItemRowProps {
  readonly listKind: ListKind;
  readonly refName: string;
  readonly title: string;
  /** A heading level for goals and risks, whose lists sit under them. */
  readonly headingLevel?: 'h4' | undefined;
  readonly details: readonly string[];
  readonly first: boolean;
  readonly last: boolean;
  readonly busy: boolean;
  /** An archived plan shows the items without buttons. */
  readonly readOnly: boolean;
  readonly strings: Strings;
  readonly onEdit: () => void;
  readonly onMove: (step: -1 | 1) => void;
  readonly onRemove: () => void;
  /** The removal's question, under the row while it is asked. */
  readonly removal?: ReactNode;
  readonly children?: ReactNode;
}

export function ItemRow(props: ItemRowProps) {
  const { strings, title, readOnly, busy } = props;
  const s = strings.planEditor;
  const styles = usePlanEditorStyles();
  const named = (action: string) => s.itemAction(action, title);
  return (
    <li className={styles.item} data-plan-item={`${props.listKind}:${props.refName}`}>
      <div className={styles.itemHead}>
        <div className={styles.itemText}>
          <Text as={props.headingLevel ?? 'span'} weight="semibold" className={styles.heading}>
            {title}
          </Text>
          {props.details.length > 0 ? (
            <Text size={200} className={styles.muted}>
              {props.details.join(' · ')}
            </Text>
          ) : null}
        </div>
        {readOnly ? null : (
          <div className={styles.itemActions}>
            <Button size="small" data-action="edit" aria-label={named(s.edit)} onClick={props.onEdit} disabledFocusable={busy}>
              {s.edit}
            </Button>
            <Button size="small" data-action="up" aria-label={named(s.moveUp)} onClick={() => props.onMove(-1)} disabledFocusable={props.first || busy}>
              {s.moveUp}
            </Button>
            <Button size="small" data-action="down" aria-label={named(s.moveDown)} onClick={() => props.onMove(1)} disabledFocusable={props.last || busy}>
              {s.moveDown}
            </Button>
            <Button size="small" data-action="remove" aria-label={named(s.remove)} onClick={props.onRemove} disabledFocusable={busy}>
              {s.remove}
            </Button>
          </div>
        )}
      </div>
      {props.removal}
      {props.children}
    </li>
  );
}
