// The front ends' side of Målkoll's write API: a save goes to the API with the user's token for the
// app's own scope; the API decides who may write, and writes as the app (src/api). People have
// only Read on the site, so this is the one way a front end writes.
import type { EditRefusal, EntryEdit, SubjectKind } from '../core';
import { planKey } from '../core';
import type { TokenSource } from '../graph';
import type { EntrySave, EntryWriter, SaveResult, SavedReport } from './entry-save';
import type { LoadedPlan as Plan } from './loaded-plan';
import type { LockResult } from './period-lock';
import type { PlanEditResult, PlanItemCreate, PlanItemRemoval, PlanItemReorder, PlanItemUpdate, PlanRemoveResult, StoredPlanItem } from './plan-edit';
import type { PlanStatusResult } from './plan-status';
import type { CopyResult } from './plan-copy';
import type { OrganisationAdd, OrganisationMove, OrganisationRename, OrganisationWriteResult } from './org-tree-edit';
import type { RoundStep, RoundWriteResult } from './round';

export interface WriteApiOptions {
  /** The API's root, e.g. `/api` (the local run, same origin) or `https://<function-app>/api`. */
  readonly url: string;
  /** Tokens for the API's scope (`api://…/access_as_user`), never Graph's. */
  readonly tokenSource: TokenSource;
  readonly fetch?: typeof fetch;
}

/** A save as it travels: the plan by key, the base by item id and eTag only (the API reads the rest itself). */
export interface EntrySaveRequest {
  readonly plan: string;
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly periodKey: string;
  readonly edit: EntryEdit;
  readonly base: { readonly itemId: string; readonly eTag: string } | null;
  readonly confirmed: boolean;
}

/** The API answered with an error of its own (a 401, a 5xx, a body that is not ours). */
export class WriteApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'WriteApiError';
  }
}

export interface WriteApi extends EntryWriter {
  saveEntry(plan: Plan, save: EntrySave): Promise<SaveResult<SavedReport>>;
  /** A step of the reporting round for one entry; the API checks the caller's right to take it. */
  roundStep(plan: Plan, action: 'mark-done' | 'reopen' | 'send-back' | 'approve', step: RoundStep, comment?: string): Promise<RoundWriteResult>;
  /** Locks or unlocks the plan's period (controllers only). */
  setPeriodLock(plan: Plan, periodKey: string, lock: { readonly locked: boolean; readonly force?: boolean }): Promise<LockResult>;
  /** The plan editor's writes (controllers only): each validated and written with If-Match by the API. */
  createPlanItem(plan: Plan, create: PlanItemCreate): Promise<PlanEditResult<StoredPlanItem>>;
  updatePlanItem(plan: Plan, update: PlanItemUpdate): Promise<PlanEditResult<StoredPlanItem>>;
  reorderPlanItems(plan: Plan, reorder: PlanItemReorder): Promise<PlanEditResult<StoredPlanItem[]>>;
  removePlanItem(plan: Plan, removal: PlanItemRemoval): Promise<PlanRemoveResult>;
  /** Adopts (fastställ) or archives the plan; `eTag` is the version the controller saw. */
  changePlanStatus(plan: Plan, change: 'adopt' | 'archive', eTag?: string): Promise<PlanStatusResult>;
  /** Copies the plan to a draft of `toYear` (controllers only): what went along and what stayed. */
  copyPlan(plan: Plan, toYear: number): Promise<CopyResult>;
  /** The organisation tree (a controller of the organisation or of one above it). */
  addOrganisation(add: OrganisationAdd): Promise<OrganisationWriteResult>;
  renameOrganisation(rename: OrganisationRename): Promise<OrganisationWriteResult>;
  moveOrganisation(move: OrganisationMove): Promise<OrganisationWriteResult>;
  /** The caller's delegates (Ombud): whom they let report for them, and whose things they may report. */
  myDelegates(): Promise<{ readonly delegates: readonly string[]; readonly owners: readonly string[] }>;
  addDelegate(upn: string): Promise<readonly string[]>;
  removeDelegate(upn: string): Promise<readonly string[]>;
  /** "Påminn nu" (controllers only): one reminder to each person named, through the reminders' path. */
  remindNow(plan: Plan, periodKey: string, upns: readonly string[]): Promise<ReadonlyArray<{ readonly upn: string; readonly status: string; readonly items: number; readonly message?: string }>>;
  /** Any other command of the API (`POST {url}/{path}`): its JSON answer and status. */
  post(path: string, body: unknown): Promise<{ readonly status: number; readonly body: unknown }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(body: unknown): string | undefined {
  const error = isRecord(body) ? body['error'] : undefined;
  return isRecord(error) && typeof error['message'] === 'string' ? error['message'] : undefined;
}

export function createWriteApi(options: WriteApiOptions): WriteApi {
  const root = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  const post = (path: string, body: unknown) => send('POST', path, body);

  async function send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const token = await options.tokenSource.getToken();
    let response: Response;
    try {
      response = await doFetch(`${root}/${path.replace(/^\/+/, '')}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new WriteApiError(0, 'Målkolls tjänst gick inte att nå. Kontrollera nätverket och försök igen; det du skrev finns kvar.');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  }

  /** The API's own error for anything it did not answer as a result (401, 403, 404, 5xx). */
  const failure = (answer: { status: number; body: unknown }): WriteApiError =>
    new WriteApiError(answer.status, messageOf(answer.body) ?? `Målkolls tjänst svarade ${answer.status}. Det du skrev finns kvar; försök igen.`);
  const isResult = (answer: { status: number; body: unknown }): boolean =>
    (answer.status === 200 || answer.status === 409 || answer.status === 422) && isRecord(answer.body) && typeof answer.body['status'] === 'string';

  /** The plan editor's answers are results (saved, conflict, refused, needs-confirmation); anything else is the API's error. */
  async function planCommand<T>(plan: Plan, action: string, input: object): Promise<T> {
    const answer = await post(`plans/items/${action}`, { plan: planKey(plan.plan.organisationCode, plan.plan.year), ...input });
    if (isResult(answer) || (answer.status === 201 && isRecord(answer.body))) return answer.body as T;
    throw failure(answer);
  }

  async function delegateCommand(method: 'PUT' | 'DELETE', upn: string): Promise<readonly string[]> {
    const answer = await send(method, `me/delegates/${encodeURIComponent(upn)}`);
    const delegates = isRecord(answer.body) ? answer.body['delegates'] : undefined;
    if (answer.status === 200 && Array.isArray(delegates)) return delegates as string[];
    throw failure(answer);
  }

  /** A refusal for someone who is not a controller comes as 403 with the result, like the others as 422. */
  async function organisationCommand(action: string, input: object): Promise<OrganisationWriteResult> {
    const answer = await post(`organisations/${action}`, input);
    if ((isResult(answer) || answer.status === 201 || answer.status === 403) && isRecord(answer.body) && typeof answer.body['status'] === 'string') return answer.body as OrganisationWriteResult;
    throw failure(answer);
  }

  return {
    post,
    async roundStep(plan, action, step, comment) {
      const answer = await post(`round/${action}`, {
        plan: planKey(plan.plan.organisationCode, plan.plan.year),
        subjectKind: step.subjectKind,
        subjectRef: step.subjectRef,
        periodKey: step.periodKey,
        base: step.base ? { itemId: step.base.itemId, eTag: step.base.eTag } : null,
        ...(comment !== undefined ? { comment } : {}),
      });
      if (isResult(answer)) return answer.body as RoundWriteResult;
      if (answer.status === 403) return { status: 'refused', refusal: { code: 'role', message: messageOf(answer.body) ?? 'Du får inte göra det här steget.' } };
      throw failure(answer);
    },
    createPlanItem: (plan, create) => planCommand(plan, 'create', create),
    updatePlanItem: (plan, update) => planCommand(plan, 'update', update),
    reorderPlanItems: (plan, reorder) => planCommand(plan, 'reorder', reorder),
    removePlanItem: (plan, removal) => planCommand(plan, 'remove', removal),
    async changePlanStatus(plan, change, eTag) {
      const answer = await post('plans/status', { plan: planKey(plan.plan.organisationCode, plan.plan.year), change, ...(eTag ? { eTag } : {}) });
      if (isResult(answer)) return answer.body as PlanStatusResult;
      throw failure(answer);
    },
    async copyPlan(plan, toYear) {
      const answer = await post('plans/copy', { plan: planKey(plan.plan.organisationCode, plan.plan.year), toYear });
      if ((answer.status === 201 || answer.status === 422) && isRecord(answer.body) && typeof answer.body['status'] === 'string') return answer.body as CopyResult;
      throw failure(answer);
    },
    async myDelegates() {
      const answer = await send('GET', 'me/delegates');
      const body = isRecord(answer.body) ? answer.body : {};
      if (answer.status === 200 && Array.isArray(body['delegates']) && Array.isArray(body['owners'])) return { delegates: body['delegates'] as string[], owners: body['owners'] as string[] };
      throw failure(answer);
    },
    addDelegate: (upn) => delegateCommand('PUT', upn),
    removeDelegate: (upn) => delegateCommand('DELETE', upn),
    addOrganisation: (add) => organisationCommand('add', add),
    renameOrganisation: (rename) => organisationCommand('rename', rename),
    moveOrganisation: (move) => organisationCommand('move', move),
    async remindNow(plan, periodKey, upns) {
      const answer = await post('round/remind', { plan: planKey(plan.plan.organisationCode, plan.plan.year), periodKey, upns });
      const outcomes = isRecord(answer.body) ? answer.body['outcomes'] : undefined;
      if (answer.status === 200 && Array.isArray(outcomes)) return outcomes as Array<{ upn: string; status: string; items: number; message?: string }>;
      throw failure(answer);
    },
    async setPeriodLock(plan, periodKey, lock) {
      const answer = await post(lock.locked ? 'periods/lock' : 'periods/unlock', { plan: planKey(plan.plan.organisationCode, plan.plan.year), periodKey, force: lock.force === true });
      if (isResult(answer)) return answer.body as LockResult;
      throw failure(answer);
    },
    async saveEntry(plan, save) {
      const request: EntrySaveRequest = {
        plan: planKey(plan.plan.organisationCode, plan.plan.year),
        subjectKind: save.subjectKind,
        subjectRef: save.subjectRef,
        periodKey: save.periodKey,
        edit: save.edit,
        base: save.base ? { itemId: save.base.itemId, eTag: save.base.eTag } : null,
        confirmed: save.confirmed === true,
      };
      const answer = await post('follow-ups', request);
      const body = answer.body;
      if ((answer.status === 200 || answer.status === 201) && isRecord(body) && body['status'] === 'saved') return body as unknown as SaveResult<SavedReport>;
      if (answer.status === 409 && isRecord(body) && body['status'] === 'conflict') return body as unknown as SaveResult<SavedReport>;
      if (answer.status === 422 && isRecord(body) && body['status'] === 'refused') return body as unknown as SaveResult<SavedReport>;
      if (answer.status === 403) return { status: 'refused', refusal: { code: 'not-allowed', message: messageOf(body) ?? 'Du får inte spara här.' } satisfies EditRefusal };
      throw failure(answer);
    },
  };
}
