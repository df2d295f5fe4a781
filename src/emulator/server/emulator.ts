// Puts the emulator together: database and migrations, the parts' stores and handlers, the Graph
// pipeline, the dev endpoints and the HTTP server. The list/item part comes in as `ListPart`, so
// this wiring does not depend on which list store is plugged in (tests pass none).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EMULATOR_APP, EMULATOR_APP_ROLES, LOGIN_PATH, authMigration, createApiTokenIssuer, createTokenService, loadSigningKeys } from '../auth';
import type { ApiTokenRequest, TokenRequest, TokenResponse } from '../auth';
import { createBatchOperation } from '../batch';
import { createDirectoryOperations, createUserStore, directoryMigration, parseRegistrations } from '../directory';
import type { DevUser, UserRegistration, UserStore } from '../directory';
import { createFaultController } from '../faults';
import type { FaultControl, FaultSettings } from '../faults';
import { createResourceMeter, meteringStage } from '../metering';
import type { ResourceUnitControl } from '../metering';
import { createActivityStore, createTeamworkPart, teamworkMigration } from '../teamwork';
import type { ActivityFeedOptions, DevInstallation, TeamsApp, TeamsAppUpload } from '../teamwork';
import { createAppRegistry, createMemberSiteRoles, createPermissionOperations, createSitePermissionStore, parseAppRegistration, parseMemberLevels, permissionsMigration, siteAccessStage } from '../permissions';
import type { MemberLevel, RegisteredApp } from '../permissions';
import type { Caller, ListOperationDeps, OperationHandlers } from './contract';
import { createDevRoutes } from './dev-routes';
import { GRAPH_ROOT, createRequestListener } from './http-server';
import type { EmulatorLogger, MountedApi } from './http-server';
import { runMigrations } from './migrations';
import { createGraphPipeline } from './pipeline';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** Folder of the file database `emulator.sqlite` (created if missing). */
  dataDir?: string;
  /** Database file, or `:memory:` (the default when neither this nor dataDir is given). */
  dbPath?: string | undefined;
  /** List items per page when a request has no `$top` (default 200, as SharePoint). */
  defaultPageSize?: number | undefined;
  faults?: FaultSettings;
  /**
   * SharePoint's per-app budget in resource units per minute: RateLimit-* headers from 80 % of it,
   * 429 beyond it. Default none (metered, never throttled), so tests and `npm start` run at speed.
   */
  resourceUnitsPerMinute?: number | null | undefined;
  /** Clock for tokens, timestamps and delta expiry; tests move it. */
  now?: () => Date;
  logger?: EmulatorLogger;
  /** Folder served at `/` for paths that are neither Graph nor `/_dev`. */
  staticRoot?: string;
  /** Teams apps in the catalog and Teams' checks on activity notifications (see docs/emulator.md). */
  activityFeed?: ActivityFeedOptions | undefined;
  /** SharePoint's list view threshold: items a filtered query may select through its index (default 5 000). */
  listViewThreshold?: number | undefined;
  /** Whether delta links keep `$expand` (default false; unverified for Graph, see docs/emulator.md). */
  deltaLinksKeepExpand?: boolean | undefined;
  /** The SharePoint site's regional time zone (IANA name): date-only columns keep midnight there. Default Europe/Stockholm. */
  siteTimeZone?: string | undefined;
  /** The scopes a delegated dev token carries unless it asks for others (default: the front ends'). */
  delegatedScopes?: readonly string[];
  /** Delegated calls beyond the token's scopes get Graph's 403 (default on). */
  enforceScopes?: boolean;
  /**
   * Målkoll's own API, served on the same origin under `/api` (`npm start`); the emulator only
   * passes requests through, it knows nothing of what the API does.
   */
  api?: MountedApi | undefined;
}


export interface RunningEmulator {
  /** `http://localhost:PORT` */
  url: string;
  /** `${url}/graph/v1.0` */
  graphUrl: string;
  port: number;
  /** Fault injection, changeable while running (as `GET/PUT /_dev/faults`). */
  faults: FaultControl;
  /** Resource units metered per app, and the per-minute budget (as `GET/PUT/DELETE /_dev/resource-units`). */
  resourceUnits: ResourceUnitControl;
  /** A bearer token, as `POST /_dev/token`. Throws for an unknown UPN. */
  issueToken(request: TokenRequest): TokenResponse;
  /** Registers or updates people, as `POST /_dev/users`. */
  registerUsers(users: UserRegistration | readonly UserRegistration[]): DevUser[];
  /** Registers or updates an app and its Graph application permissions, as `POST /_dev/apps`. */
  registerApp(app: { appId: string; displayName?: string; roles?: readonly string[] }): RegisteredApp;
  /** A token for Målkoll's own API (RS256, verifiable with the published keys), as `POST /_dev/token` with an audience. */
  issueApiToken(request: ApiTokenRequest): TokenResponse;
  /** Where the emulator plays Entra's login authority: `${url}/_dev/login` (issuer `${apiAuthority}/{tenant}/v2.0`). */
  apiAuthority: string;
  /** Sets people's permission levels on the sites (`*` for everyone not named), as `PUT /_dev/site-roles`. */
  setMemberLevels(levels: Readonly<Record<string, MemberLevel | null>>): void;
  /** Puts a Teams app in the tenant's catalog from its manifest, as `POST /_dev/teamsApps`. */
  registerTeamsApp(upload: TeamsAppUpload): TeamsApp;
  /** Installs a Teams app for people (the catalog's only one unless named), as `POST /_dev/installations`. */
  installTeamsApp(upns: string | readonly string[], teamsAppId?: string): DevInstallation[];
  close(): Promise<void>;
}

/** What the list/item part contributes (`src/emulator/lists`). */
export interface ListPart {
  createListOperations(deps: ListOperationDeps, options: { listViewThreshold?: number | undefined; deltaLinksKeepExpand?: boolean | undefined }): OperationHandlers;
  /** Creates the default sites when missing; what it returns is not used. */
  ensureDefaultSite(deps: ListOperationDeps): unknown;
}

/** The SharePoint hostname of the emulated tenant (`/sites/localhost:/sites/malkoll`). */
export const SHAREPOINT_HOSTNAME = 'localhost';
const DEFAULT_PORT = 3000;
const DEFAULT_PAGE_SIZE = 200;
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The database holds the token signing key: only its owner may read it. SQLite gives the -wal and
 * -shm files the database file's permissions, so creating (or tightening) the file is enough.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}

function openDatabase(options: EmulatorOptions): Database.Database {
  let file = options.dbPath;
  if (file === undefined && options.dataDir !== undefined) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    file = path.join(options.dataDir, 'emulator.sqlite');
  }
  if (file !== undefined) ownerOnly(file);
  const db = new Database(file ?? ':memory:');
  if (db.name !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // A local emulator may lose the last transactions on power loss, never its consistency; this
    // trades a sync per commit for about three times the write rate.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function identityResolver(users: UserStore): ListOperationDeps['identityOf'] {
  return (caller: Caller) => {
    if (caller.kind === 'app') {
      const displayName = caller.appId === EMULATOR_APP.id ? EMULATOR_APP.displayName : caller.appId;
      return { application: { id: caller.appId, displayName } };
    }
    const user = users.byId(caller.userId);
    // Delegated tokens are issued to the one emulator app; Graph names that app beside the user.
    return {
      user: { id: caller.userId, email: user?.mail ?? caller.upn, displayName: user?.displayName ?? caller.displayName },
      application: { id: EMULATOR_APP.id, displayName: EMULATOR_APP.displayName },
    };
  };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulatorWith(options: EmulatorOptions, lists?: ListPart): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`The emulator listens on loopback only (127.0.0.1, ::1 or localhost), not ${host}: anyone who reaches it can mint tokens.`);
  }
  const now = options.now ?? (() => new Date());
  const db = openDatabase(options);
  try {
    runMigrations(db, [authMigration, directoryMigration, teamworkMigration, permissionsMigration]);
    const users = createUserStore(db, now);
    const activities = createActivityStore(db, now);
    const apps = createAppRegistry(db);
    const appName = (id: string): string => (id === EMULATOR_APP.id ? EMULATOR_APP.displayName : (apps.find(id)?.displayName ?? id));
    const teamwork = createTeamworkPart({ db, now, users, activities, appDisplayName: appName, delegatedAppId: EMULATOR_APP.id, options: options.activityFeed });
    const permissions = createSitePermissionStore(db);
    const tokens = createTokenService({ keys: loadSigningKeys(db, now), now, findUser: (upn) => users.byUpn(upn), isRegisteredUser: (id) => users.byId(id) !== undefined, findApp: (appId) => apps.find(appId), delegatedScopes: options.delegatedScopes });
    const faults = createFaultController(options.faults);
    const resourceUnits = createResourceMeter({ now, perMinute: options.resourceUnitsPerMinute });
    const listDeps: ListOperationDeps = {
      db,
      defaultPageSize: options.defaultPageSize ?? DEFAULT_PAGE_SIZE,
      hostname: SHAREPOINT_HOSTNAME,
      now,
      identityOf: identityResolver(users),
      siteTimeZone: options.siteTimeZone,
    };
    if (lists) await lists.ensureDefaultSite(listDeps);

    const handlers: OperationHandlers = {
      ...(lists ? lists.createListOperations(listDeps, { listViewThreshold: options.listViewThreshold, deltaLinksKeepExpand: options.deltaLinksKeepExpand }) : {}),
      ...createDirectoryOperations(users),
      ...teamwork.operations,
    };
    const defaultApp: RegisteredApp = { appId: EMULATOR_APP.id, displayName: EMULATOR_APP.displayName, roles: EMULATOR_APP_ROLES };
    Object.assign(handlers, createPermissionOperations({ permissions, apps, defaultApp, handlers, now }));
    const members = createMemberSiteRoles(db);
    const access = siteAccessStage({ handlers, permissions, members, enforceScopes: options.enforceScopes !== false });
    const pipeline = createGraphPipeline({ handlers, resolveCaller: tokens.resolveCaller, access, metering: meteringStage(resourceUnits), faults, now, ...(options.logger ? { logger: options.logger } : {}) });
    handlers.batch = createBatchOperation(pipeline.runStep, now);

    let url = '';
    let port = 0;
    const apiTokens = createApiTokenIssuer({ db, now, findUser: (upn) => users.byUpn(upn), origin: () => url });
    const dev = createDevRoutes({ tokens, users, activities, teamwork: teamwork.dev, faults, resourceUnits, apps, apiTokens, members, graphUrl: () => `${url}${GRAPH_ROOT}` });
    const server = http.createServer(
      createRequestListener({
        pipeline,
        dev,
        now,
        port: () => port,
        ...(options.staticRoot !== undefined ? { staticRoot: options.staticRoot } : {}),
        ...(options.api ? { api: options.api } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      }),
    );
    port = await listen(server, options.port ?? DEFAULT_PORT, host);
    url = `http://localhost:${port}`;
    options.logger?.info(`Graph emulator at ${url}${GRAPH_ROOT} (database ${db.name})`);

    return {
      url,
      graphUrl: `${url}${GRAPH_ROOT}`,
      port,
      faults,
      resourceUnits,
      issueToken: (request) => tokens.issue(request),
      issueApiToken: (request) => apiTokens.issue(request),
      apiAuthority: `${url}${LOGIN_PATH}`,
      setMemberLevels: (levels) => members.set(parseMemberLevels(levels)),
      registerUsers: (input) => users.register(parseRegistrations(input)),
      registerApp: (input) => apps.register(parseAppRegistration(input)),
      registerTeamsApp: (upload) => teamwork.dev.registerTeamsApp(upload),
      installTeamsApp: (upns, teamsAppId) => teamwork.dev.install(upns, teamsAppId),
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((error) => {
            db.close();
            if (error) reject(error);
            else resolve();
          });
        }),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
