export type { AppConfig, AppMode, ConfigResult } from './app-config';
export { parseAppConfig, loadAppConfig } from './app-config';
export type { DevTokenSource, DevUser } from './dev-token-source';
export { createDevTokenSource, listDevUsers } from './dev-token-source';
export type { NaaOptions, NaaTokenSource } from './naa-token-source';
export { createNaaTokenSource, GRAPH_SCOPES } from './naa-token-source';
