/**
 * Opaque tokens: `$skiptoken` for item pages and `token` for delta links. Both are base64url JSON,
 * so clients cannot read meaning into them, and both are checked field by field when decoded.
 */
import type { PageKey } from './list-store';

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(token: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKeyValue(value: unknown): value is string | number | null {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function encodeSkipToken(key: PageKey): string {
  return encode({ k: key.values, i: key.id });
}

/** The page key, or undefined when the token is not one of ours. */
export function decodeSkipToken(token: string): PageKey | undefined {
  const data = decode(token);
  if (!isRecord(data) || !Array.isArray(data.k) || !isSeq(data.i)) return undefined;
  const values: unknown[] = data.k;
  if (!values.every(isKeyValue)) return undefined;
  return { values: values as Array<string | number | null>, id: data.i };
}

/**
 * Where a delta round stands.
 * - initial enumeration: `afterId` set; items with a greater ID follow; ends with changes since `upTo`.
 * - changes round: items changed in (since, upTo] whose latest change is after `afterSeq`.
 * A deltaLink is a changes round with `upTo` undefined: the round's end is fixed when it is used.
 */
export interface DeltaState {
  readonly list: string;
  readonly issued: number;
  readonly since: number;
  readonly upTo?: number | undefined;
  readonly afterSeq?: number | undefined;
  readonly afterId?: number | undefined;
}

export function encodeDeltaToken(state: DeltaState): string {
  return encode({ l: state.list, t: state.issued, s: state.since, u: state.upTo, a: state.afterSeq, i: state.afterId });
}

export function decodeDeltaToken(token: string): DeltaState | undefined {
  const data = decode(token);
  if (!isRecord(data) || typeof data.l !== 'string' || !isSeq(data.t) || !isSeq(data.s)) return undefined;
  const optional = (value: unknown): number | undefined | false => (value === undefined ? undefined : isSeq(value) ? value : false);
  const upTo = optional(data.u);
  const afterSeq = optional(data.a);
  const afterId = optional(data.i);
  if (upTo === false || afterSeq === false || afterId === false) return undefined;
  return { list: data.l, issued: data.t, since: data.s, upTo, afterSeq, afterId };
}
