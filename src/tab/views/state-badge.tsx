// An item's state in the reporting round as a small badge: the word says it, the colour only helps
// (the same colours as Uppföljningsläge).
import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { ItemState } from '../../core';
import { ITEM_STATE } from '../../core';
import type { UiLanguage } from '../../ui';

export const STATE_BADGE: Readonly<Record<ItemState, Pick<BadgeProps, 'appearance' | 'color'>>> = {
  'not-started': { appearance: 'outline', color: 'informative' },
  draft: { appearance: 'tint', color: 'warning' },
  done: { appearance: 'tint', color: 'brand' },
  approved: { appearance: 'tint', color: 'success' },
  returned: { appearance: 'filled', color: 'danger' },
};

export function StateBadge({ state, language }: { readonly state: ItemState; readonly language: UiLanguage }) {
  return (
    <Badge {...STATE_BADGE[state]} data-state={state}>
      {ITEM_STATE[state][language]}
    </Badge>
  );
}
