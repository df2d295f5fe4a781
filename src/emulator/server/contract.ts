// The contract between the emulator's request pipeline and its operation handlers.
// Every Graph operation the emulator recognises has a name here; the pipeline routes to it,
// and an operation without a handler answers 501 in Graph's error envelope.
import type Database from 'better-sqlite3';

export type Caller =
  /** `scopes`: the token's delegated permissions (`scp`); absent only for callers tests build by hand. */
  | { kind: 'user'; userId: string; upn: string; displayName: string; scopes?: readonly string[] }
  /** `roles`: the token's application permissions; absent only for callers tests build by hand. */
  | { kind: 'app'; appId: string; roles?: readonly string[] };

export interface EmulatorRequest {
  readonly requestId: string;
  readonly method: string;
  /** Path below the Graph root (`/sites/…`), without the query string. */
  readonly path: string;
  /** Route parameters, already percent-decoded. `siteRef` is the raw site reference: `root`,
   *  a composite id `host,guid,guid`, or `hostname:/server-relative/path`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON body, or undefined when there is none. */
  readonly body: unknown;
  readonly caller: Caller;
  /** Absolute Graph root as the client sees it, e.g. `http://localhost:3000/graph/v1.0`, for nextLinks. */
  readonly graphBaseUrl: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Thrown by handlers and pipeline stages; serialised into Graph's error envelope. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export type OperationHandler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

/** Every operation the router recognises. */
export const OPERATIONS = [
  // sites, lists, columns, items (list-store handlers)
  'getSite',            // GET    /sites/{siteRef}            (siteRef: root | composite id | hostname:/path)
  'listLists',          // GET    /sites/{siteRef}/lists
  'createList',         // POST   /sites/{siteRef}/lists
  'getList',            // GET    /sites/{siteRef}/lists/{listRef}   (listRef: id or display name)
  'updateList',         // PATCH  /sites/{siteRef}/lists/{listRef}   (recognised, not built: 501)
  'deleteList',         // DELETE /sites/{siteRef}/lists/{listRef}   (recognised, not built: 501)
  'listColumns',        // GET    /sites/{siteRef}/lists/{listRef}/columns
  'createColumn',       // POST   /sites/{siteRef}/lists/{listRef}/columns
  'getColumn',          // GET    /sites/{siteRef}/lists/{listRef}/columns/{columnId}
  'updateColumn',       // PATCH  /sites/{siteRef}/lists/{listRef}/columns/{columnId}
  'deleteColumn',       // DELETE /sites/{siteRef}/lists/{listRef}/columns/{columnId} (501)
  'listItems',          // GET    /sites/{siteRef}/lists/{listRef}/items
  'createItem',         // POST   /sites/{siteRef}/lists/{listRef}/items
  'itemsDelta',         // GET    /sites/{siteRef}/lists/{listRef}/items/delta
  'getItem',            // GET    /sites/{siteRef}/lists/{listRef}/items/{itemId}
  'updateItem',         // PATCH  /sites/{siteRef}/lists/{listRef}/items/{itemId} (501)
  'deleteItem',         // DELETE /sites/{siteRef}/lists/{listRef}/items/{itemId}
  'getItemFields',      // GET    /sites/{siteRef}/lists/{listRef}/items/{itemId}/fields
  'updateItemFields',   // PATCH  /sites/{siteRef}/lists/{listRef}/items/{itemId}/fields
  'listItemVersions',   // GET    /sites/{siteRef}/lists/{listRef}/items/{itemId}/versions
  'getItemVersion',     // GET    /sites/{siteRef}/lists/{listRef}/items/{itemId}/versions/{versionId} (501)
  // directory, teamwork, batch (server handlers)
  'getMe',              // GET    /me
  'getMyManager',       // GET    /me/manager
  'listMyDirectReports', // GET   /me/directReports
  'listUsers',          // GET    /users
  'getUser',            // GET    /users/{userRef}   (id or UPN)
  'getManager',         // GET    /users/{userRef}/manager
  'sendActivityNotification', // POST /users/{userRef}/teamwork/sendActivityNotification
  'listUserInstalledApps', // GET  /users/{userRef}/teamwork/installedApps ($expand=teamsApp, $filter=teamsApp/id|externalId eq '…')
  'installUserApp',     // POST   /users/{userRef}/teamwork/installedApps (teamsApp@odata.bind)
  'batch',              // POST   /$batch
  // site permissions for applications, service principals (permissions part)
  'listSitePermissions',    // GET    /sites/{siteRef}/permissions
  'createSitePermission',   // POST   /sites/{siteRef}/permissions
  'getSitePermission',      // GET    /sites/{siteRef}/permissions/{permissionId}
  'updateSitePermission',   // PATCH  /sites/{siteRef}/permissions/{permissionId}
  'deleteSitePermission',   // DELETE /sites/{siteRef}/permissions/{permissionId}
  'listServicePrincipals',  // GET    /servicePrincipals   ($filter=appId eq '…')
  'listAppRoleAssignments', // GET    /servicePrincipals/{servicePrincipalId}/appRoleAssignments
] as const;

export type OperationName = (typeof OPERATIONS)[number];

export type OperationHandlers = Partial<Record<OperationName, OperationHandler>>;

/** What the list-store part needs from the server part. */
export interface ListOperationDeps {
  readonly db: Database.Database;
  /** Items per page when the request has no $top. */
  readonly defaultPageSize: number;
  /** Hostname of the emulated tenant's SharePoint (e.g. `localhost`). */
  readonly hostname: string;
  /** Current time; injected so tests can move time (delta token expiry). */
  readonly now: () => Date;
  /** Resolves a caller to the identity Graph shows in createdBy / lastModifiedBy. */
  readonly identityOf: (caller: Caller) => { user?: { id: string; email: string; displayName: string }; application?: { id: string; displayName: string } };
  /** The site's regional time zone (IANA name): date-only columns keep midnight there. Default Europe/Stockholm. */
  readonly siteTimeZone?: string | undefined;
}
