// Teams names three themes (default, dark, contrast); Fluent UI v9 ships a matching theme for each.
// The tab follows the host live, and outside Teams a `?theme=` parameter picks one (tests, demos).
import type { Theme } from '@fluentui/react-components';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';

export type HostTheme = 'default' | 'dark' | 'contrast';

export function normaliseTheme(name: string | null | undefined): HostTheme {
  switch ((name ?? '').toLowerCase()) {
    case 'dark':
      return 'dark';
    case 'contrast':
    case 'highcontrast':
    case 'high-contrast':
      return 'contrast';
    default:
      return 'default';
  }
}

export function fluentTheme(theme: HostTheme): Theme {
  switch (theme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
