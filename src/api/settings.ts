// The write API's settings, validated before it answers anything: which tokens it accepts (the
// tenant, the audiences, the login authority whose keys sign them) and where it writes.
import { LOOPBACK_HOSTS } from '../core';
import type { TokenRules } from './access-token';

/** App settings the API reads (infra/azure.bicep sets them on the Function App). */
export const API_ENV = {
  audiences: 'MALKOLL_API_AUDIENCES',
  tenantId: 'MALKOLL_APP_TENANT_ID',
  authority: 'MALKOLL_LOGIN_AUTHORITY',
} as const;

/** The scope the app exposes (aad.manifest.json's api.oauth2PermissionScopes). */
export const API_SCOPE = 'access_as_user';

/** Entra's login hosts: global, US Government, China (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud). */
const LOGIN_HOSTS: readonly string[] = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'];
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

export interface ApiSettings {
  readonly tokenRules: TokenRules;
  /** `{authority}/{tenant}/discovery/v2.0/keys` */
  readonly jwksUrl: string;
}

export class ApiSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Skriv-API:ts inställningar: ${problems.join(' ')}`);
    this.name = 'ApiSettingsError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entra itself over https, or the local emulator's stand-in on a loopback name. */
function checkAuthority(raw: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: `${API_ENV.authority}: "${raw}" är ingen adress (standard ${DEFAULT_AUTHORITY}).` };
  }
  const root = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (LOGIN_HOSTS.includes(url.hostname) && url.protocol === 'https:' && url.port === '' && url.pathname.replace(/\/+$/, '') === '') return root;
  if (LOOPBACK_HOSTS.includes(url.hostname) && url.protocol === 'http:') return root;
  return { problem: `${API_ENV.authority}: "${raw}" är inte Entra ID (${LOGIN_HOSTS.map((h) => `https://${h}`).join(', ')}) eller den lokala emulatorn.` };
}

export function apiSettingsFor(input: { readonly tenantId: string; readonly audiences: readonly string[]; readonly authority?: string | undefined }): ApiSettings {
  const problems: string[] = [];
  if (!GUID.test(input.tenantId)) problems.push(`${API_ENV.tenantId} ska vara klientorganisationens id (ett GUID), inte "${input.tenantId}".`);
  const audiences = input.audiences.map((a) => a.trim()).filter(Boolean);
  if (audiences.length === 0) problems.push(`${API_ENV.audiences} saknas: appens id-URI (api://…/klient-id) och klient-id, kommaseparerade.`);
  const authority = checkAuthority(input.authority ?? DEFAULT_AUTHORITY);
  if (typeof authority !== 'string') problems.push(authority.problem);
  if (problems.length > 0 || typeof authority !== 'string') throw new ApiSettingsError(problems);
  const tenant = input.tenantId.toLowerCase();
  // v2.0 tokens name the authority's v2.0 issuer; v1.0 ones (an app with requestedAccessTokenVersion 1) sts.windows.net.
  const issuers = [`${authority}/${tenant}/v2.0`, ...(authority === DEFAULT_AUTHORITY ? [`https://sts.windows.net/${tenant}/`] : [])];
  return { tokenRules: { issuers, audiences, tenantId: tenant, scope: API_SCOPE }, jwksUrl: `${authority}/${tenant}/discovery/v2.0/keys` };
}

export function apiSettings(env: Readonly<Record<string, string | undefined>>): ApiSettings {
  return apiSettingsFor({
    tenantId: env[API_ENV.tenantId] ?? '',
    audiences: (env[API_ENV.audiences] ?? '').split(','),
    authority: env[API_ENV.authority],
  });
}
