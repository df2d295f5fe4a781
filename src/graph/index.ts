// The Graph client: transport chain (auth → retry → rate limit → logging → fetch), typed errors, paging, $batch,
// delta and eTag helpers. The SDK's types stay inside this folder.
export type { TokenSource } from './token-source';
export { createGraphClient } from './graph-client';
export type { GraphClient, GraphClientOptions, RequestOptions, WriteOptions, WriteResult } from './graph-client';
export type { GraphResponse, HttpMethod, SendOptions } from './transport';
export type { RequestEvent } from './logging.middleware';
export type { GraphStats } from './stats';
export type { RetrySettings } from './retry-policy';
export { DEFAULT_RETRY, parseRetryAfter } from './retry-policy';
export { MALKOLL_VERSION, malkollUserAgent } from './user-agent';
export type { NodeSurface } from './user-agent';
export { GraphRequestError, isGraphRequestError, isNotFound, isConflict, isThrottled, isGone } from './graph-request-error';
export type { GraphRequestErrorInit } from './graph-request-error';
export { MAX_BATCH_SIZE } from './batch';
export type { BatchRequest, BatchResponse, BatchOptions } from './batch';
export type { DeltaResult } from './delta';
export { ifMatchHeader, eTagsEqual, normalizeETag, parseETag, quoteETag } from './etag';
export type { ParsedETag } from './etag';
