// The permissions part: applications with their Graph application permissions, site permissions
// granted to them (Sites.Selected), and the stage that enforces both for app-only callers.
export { permissionsMigration, createAppRegistry, parseAppRegistration, AppRegistrationError, GRAPH_APP_ROLE_IDS, MICROSOFT_GRAPH_APP_ID, servicePrincipalId } from './app-registry';
export type { AppRegistry, RegisteredApp } from './app-registry';
export { createSitePermissionStore } from './site-permission-store';
export type { SitePermission, SitePermissionStore } from './site-permission-store';
export { siteAccessStage } from './site-access.middleware';
export { createPermissionOperations } from './permissions.handler';
export { SITE_ROLES } from './site-roles';
export type { SiteRole } from './site-roles';
export { createMemberSiteRoles, parseMemberLevels, MemberLevelError, MEMBER_LEVELS, EVERYONE } from './member-site-roles';
export type { MemberSiteRoles, MemberLevel } from './member-site-roles';
