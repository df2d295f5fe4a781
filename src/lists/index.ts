export * from './schema';
export * from './mapping';
export { provision, resolveSiteId, findLists, encodeSiteRef } from './provision';
export type { ProvisionReport } from './provision';
