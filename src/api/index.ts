// Målkoll's write API (issue 14): served by the Function App in a tenant and in-process by
// `npm start`, from the same handlers.
export { createWriteApiHandler, ROUTES } from './write-api';
export type { WriteApiDeps } from './write-api';
export { createWriteContext } from './write-context';
export type { WriteContext } from './write-context';
export { createJwksKeySource, verifyAccessToken, UnauthorizedError } from './access-token';
export type { ApiCaller, SigningKeySource, TokenRules } from './access-token';
export { apiSettings, apiSettingsFor, ApiSettingsError, API_ENV, API_SCOPE } from './settings';
export type { ApiSettings } from './settings';
export type { ApiRequest, ApiResponse } from './http';
