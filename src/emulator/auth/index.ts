// The auth part: tokens the emulator issues and verifies, signed with a key kept in the database.
export { authMigration, loadSigningKeys } from './signing-key';
export { createTokenService, TokenRequestError, EMULATOR_APP, EMULATOR_APP_ROLES, TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS } from './tokens';
export type { TokenRequest, TokenResponse, TokenService } from './tokens';
export { createApiTokenIssuer, LOGIN_PATH, API_SCOPE } from './api-tokens';
export type { ApiTokenIssuer, ApiTokenRequest } from './api-tokens';
export { TENANT_ID } from './tokens';
