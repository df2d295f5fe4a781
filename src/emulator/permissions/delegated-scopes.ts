// What a delegated token's scopes (`scp`) allow, per operation, as Microsoft Graph's permission
// tables list them (least privileged first; any higher one also works). A call beyond them gets
// Graph's 403. Sources: docs/emulator.md, "Delegated scopes".
import type { OperationName } from '../server/contract';
import { GraphError } from '../server/contract';
import { REQUIRED_ROLE, rank } from './site-roles';
import type { SiteRole } from './site-roles';

/** The delegated Sites.* scopes and the site role each amounts to. */
const SITE_SCOPES: ReadonlyArray<[string, SiteRole]> = [
  ['Sites.FullControl.All', 'fullcontrol'],
  ['Sites.Manage.All', 'manage'],
  ['Sites.ReadWrite.All', 'write'],
  ['Sites.Read.All', 'read'],
];

const USER_WIDE = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const BASIC = ['User.ReadBasic.All', ...USER_WIDE];

/** Each directory and Teams operation: the scopes any one of which allows it (every group must be met). */
const OPERATION_SCOPES: Partial<Record<OperationName, ReadonlyArray<readonly string[]>>> = {
  getMe: [['User.Read', 'User.ReadWrite', ...BASIC]],
  getMyManager: [['User.Read', 'User.ReadWrite', ...BASIC]],
  // Another user's manager needs User.Read.All: User.ReadBasic.All is not enough.
  getManager: [USER_WIDE],
  listMyDirectReports: [['User.Read', ...USER_WIDE], BASIC],
  getUser: [BASIC],
  listUsers: [BASIC],
  sendActivityNotification: [['TeamsActivity.Send']],
};

function forbidden(operation: OperationName): GraphError {
  return operation in OPERATION_SCOPES
    ? new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
    : new GraphError(403, 'accessDenied', 'Access denied');
}

export function checkDelegatedScopes(operation: OperationName, scopes: readonly string[]): void {
  const neededRole = REQUIRED_ROLE[operation];
  if (neededRole) {
    const role = SITE_SCOPES.find(([scope]) => scopes.includes(scope))?.[1];
    if (!role || rank(role) < rank(neededRole)) throw forbidden(operation);
    return;
  }
  const groups = OPERATION_SCOPES[operation];
  if (groups && !groups.every((group) => group.some((scope) => scopes.includes(scope)))) throw forbidden(operation);
}
