// An item's title as a button that opens its editor: every view uses it the same way.
import { Button } from '@fluentui/react-components';
import type { SubjectKind } from '../../core';
import { useViewStyles } from './views.styles';

export interface OpenTarget {
  readonly kind: SubjectKind;
  readonly ref: string;
}

export function ItemLink({ kind, refName, title, onOpen }: { kind: SubjectKind; refName: string; title: string; onOpen: (target: OpenTarget) => void }) {
  const styles = useViewStyles();
  return (
    <Button appearance="transparent" className={styles.linkButton} data-open={`${kind}:${refName}`} onClick={() => onOpen({ kind, ref: refName })}>
      {title}
    </Button>
  );
}
