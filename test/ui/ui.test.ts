/** @jest-environment jsdom */
// The shared UI pieces: language choice, the theme bridge, the symbols, and the app configuration
// that must refuse rather than run unauthenticated.
import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { parseAppConfig } from '../../src/auth';
import { AssessmentSymbol, EN, SV, fluentTheme, languageOf, normaliseTheme, stringsFor } from '../../src/ui';

describe('language', () => {
  it('is Swedish unless the Teams locale is English', () => {
    expect(languageOf(undefined)).toBe('sv');
    expect(languageOf('sv-se')).toBe('sv');
    expect(languageOf('fi-fi')).toBe('sv');
    expect(languageOf('en-us')).toBe('en');
    expect(stringsFor('en').nav.todo).toBe('To do');
    expect(SV.editor.save).toBe('Spara');
  });

  it('has every Swedish text in English too', () => {
    const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(EN).sort()).toEqual(keys(SV).sort());
  });
});

describe('theme bridge', () => {
  it('maps the three Teams themes to the Fluent ones', () => {
    expect(fluentTheme(normaliseTheme('default'))).toBe(teamsLightTheme);
    expect(fluentTheme(normaliseTheme('dark'))).toBe(teamsDarkTheme);
    expect(fluentTheme(normaliseTheme('contrast'))).toBe(teamsHighContrastTheme);
    expect(normaliseTheme('something-new')).toBe('default');
  });
});

describe('status symbols', () => {
  it('says what the shape means, for screen readers and on hover', () => {
    render(createElement(AssessmentSymbol, { assessment: 'partly', label: 'Mindre, acceptabel avvikelse' }));
    const symbol = screen.getByRole('img', { name: 'Mindre, acceptabel avvikelse' });
    expect(symbol.getAttribute('title')).toBe('Mindre, acceptabel avvikelse');
  });
});

describe('app configuration', () => {
  it('accepts the emulator configuration npm start writes', () => {
    expect(parseAppConfig({ mode: 'emulator', graphUrl: 'http://localhost:3000/graph/v1.0/', siteRef: 'localhost:/sites/malkoll' })).toEqual({
      ok: true,
      config: { mode: 'emulator', graphUrl: 'http://localhost:3000/graph/v1.0', siteRef: 'localhost:/sites/malkoll' },
    });
  });

  it('refuses a tenant configuration without sign-in details, in Swedish, naming each problem', () => {
    const result = parseAppConfig({ mode: 'tenant', graphUrl: 'http://graph.microsoft.com/v1.0', siteRef: 'contoso.sharepoint.com:/sites/malkoll' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.join(' ')).toMatch(/https/);
      expect(result.problems.join(' ')).toMatch(/"clientId" saknas/);
      expect(result.problems.join(' ')).toMatch(/"tenantId" saknas/);
    }
  });

  it('refuses an unknown mode and a missing site', () => {
    const result = parseAppConfig({ mode: 'anonymous', graphUrl: 'https://graph.microsoft.com/v1.0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/"mode"/), expect.stringMatching(/"siteRef" saknas/)]));
  });

  const tenant = { mode: 'tenant', graphUrl: 'https://graph.microsoft.com/v1.0', siteRef: 'contoso.sharepoint.com:/sites/malkoll', clientId: '8d3e6c2a-41b7-4f0e-b5a9-7c1f0e9d2b34', tenantId: 'contoso.onmicrosoft.com' };
  const writeApi = { apiUrl: 'https://malkoll-func.azurewebsites.net/api/', apiScope: 'api://malkoll.example.se/8d3e6c2a-41b7-4f0e-b5a9-7c1f0e9d2b34/access_as_user' };

  it('accepts a complete tenant configuration, with the write API', () => {
    const result = parseAppConfig({ ...tenant, ...writeApi });
    expect(result).toMatchObject({ ok: true, config: { apiUrl: 'https://malkoll-func.azurewebsites.net/api', apiScope: writeApi.apiScope } });
  });

  it('refuses a tenant configuration without the write API, or with one its tokens must not go to', () => {
    const problems = (input: Record<string, unknown>) => {
      const result = parseAppConfig(input);
      return result.ok ? [] : result.problems;
    };
    expect(problems(tenant)).toEqual([expect.stringMatching(/"apiUrl" saknas/)]);
    expect(problems({ ...tenant, ...writeApi, apiUrl: 'http://malkoll-func.azurewebsites.net/api' })).toEqual([expect.stringMatching(/"apiUrl".*https/)]);
    expect(problems({ ...tenant, ...writeApi, apiScope: 'https://graph.microsoft.com/.default' })).toEqual([expect.stringMatching(/"apiScope"/)]);
    // The local run's API is on the tab's own origin.
    expect(parseAppConfig({ mode: 'emulator', graphUrl: 'http://localhost:3000/graph/v1.0', siteRef: 'localhost:/sites/malkoll', apiUrl: '/api', apiScope: 'api://localhost/x/access_as_user' })).toMatchObject({ ok: true, config: { apiUrl: '/api' } });
  });
});
