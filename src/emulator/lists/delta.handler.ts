/**
 * GET …/items/delta. A round without a token enumerates every item (by ID), then hands out a
 * deltaLink; `token=latest` hands out a deltaLink at once; a deltaLink token returns each item
 * changed since, in its current state, or a `deleted` stub. Tokens the change log can no longer
 * serve (unknown, malformed, for another list, older than the lifetime, or older than pruned
 * changes) answer 410 resyncRequired with a Location that starts over.
 */
import type { EmulatorRequest, EmulatorResponse, OperationHandlers } from '../server/contract';
import { graphTime, itemContext, linkWith, pageSize, queryOption, resolveList } from './context';
import type { ListEnv } from './context';
import { invalidRequest, resyncRequired } from './graph-errors';
import type { ListRecord } from './list-store';
import { itemShape } from './query';
import { contextUrl, renderDeletedItem, renderItem } from './render';
import type { ItemContext, ItemShape } from './render';
import { decodeDeltaToken, encodeDeltaToken } from './tokens';
import type { DeltaState } from './tokens';

interface Round {
  readonly env: ListEnv;
  readonly req: EmulatorRequest;
  readonly list: ListRecord;
  readonly ctx: ItemContext;
  readonly shape: ItemShape;
  readonly limit: number;
  readonly issued: number;
}

function respond(round: Round, value: unknown[], next: DeltaState, final: boolean): EmulatorResponse {
  // Whether Graph's links keep `$expand=fields` is unverified (docs/emulator.md); by default they
  // lose it, so a client must cope with changed items that come without their fields.
  const expand = round.env.deltaLinksKeepExpand ? {} : { $expand: undefined };
  const link = linkWith(round.req, { token: encodeDeltaToken(next), ...expand });
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(round.req.graphBaseUrl, 'Collection(listItem)'),
      value,
      [final ? '@odata.deltaLink' : '@odata.nextLink']: link,
    },
  };
}

/** The full enumeration: items after `afterId`; at the end, changes since `upTo` come next. */
function enumerate(round: Round, upTo: number, afterId: number): EmulatorResponse {
  const page = round.env.store.queryItems(round.list, { orderBy: [], after: { values: [], id: afterId }, limit: round.limit });
  const value = page.items.map((item) => renderItem(item, round.ctx, round.shape));
  const base = { list: round.list.id, issued: round.issued };
  if (page.next) return respond(round, value, { ...base, since: 0, upTo, afterId: page.next.id }, false);
  return respond(round, value, { ...base, since: upTo }, true);
}

function changes(round: Round, since: number, upTo: number, afterSeq: number): EmulatorResponse {
  const page = round.env.store.changesSince(round.list, since, upTo, afterSeq, round.limit);
  const value = page.changes.map((change) =>
    change.item ? renderItem(change.item, round.ctx, round.shape) : renderDeletedItem(change.itemId, round.ctx),
  );
  const base = { list: round.list.id, issued: round.issued };
  const last = page.changes[page.changes.length - 1];
  if (page.more && last) return respond(round, value, { ...base, since, upTo, afterSeq: last.seq }, false);
  return respond(round, value, { ...base, since: upTo }, true);
}

export function deltaHandlers(env: ListEnv): OperationHandlers {
  return {
    itemsDelta: (req) => {
      const { site, list } = resolveList(env, req);
      if (queryOption(req, 'filter') !== undefined || queryOption(req, 'orderby') !== undefined) {
        throw invalidRequest('$filter and $orderby are not supported on delta.');
      }
      const now = env.deps.now().getTime();
      env.store.pruneChanges(graphTime(new Date(now - env.deltaTokenLifetimeMs)));
      const window = env.store.changeWindow(list);
      const round: Round = {
        env,
        req,
        list,
        ctx: itemContext(env, req, site, list),
        shape: itemShape(req),
        limit: pageSize(env, req),
        issued: now,
      };
      const token = req.query.get('token') ?? undefined;
      if (token === undefined) return enumerate(round, window.latest, 0);
      if (token === 'latest') return respond(round, [], { list: list.id, issued: now, since: window.latest }, true);

      const state = decodeDeltaToken(token);
      const resync = (): never => {
        throw resyncRequired(linkWith(req, { token: undefined }));
      };
      if (!state || state.list.toLowerCase() !== list.id.toLowerCase()) return resync();
      if (now - state.issued > env.deltaTokenLifetimeMs || state.issued > now) return resync();
      // Changes after `since` (or, mid-enumeration, after `upTo`) must all still be in the log.
      const needsFrom = state.afterId !== undefined ? (state.upTo ?? state.since) : state.since;
      if (needsFrom < window.prunedThrough || needsFrom > window.latest) return resync();
      const continued = { ...round, issued: state.issued };
      if (state.afterId !== undefined) return enumerate(continued, state.upTo ?? window.latest, state.afterId);
      return changes(round, state.since, state.upTo ?? window.latest, state.afterSeq ?? state.since);
    },
  };
}
