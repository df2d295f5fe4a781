// Shown instead of the app when it must not run: a broken configuration, or a tenant configuration
// opened outside Teams. Never a way around sign-in.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Strings } from '../../ui';

export function Refusal({ strings, intro, problems }: { strings: Strings; intro: string; problems: readonly string[] }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.config.refusedTitle}</MessageBarTitle>
        <p>{intro}</p>
        {problems.length > 0 ? (
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
