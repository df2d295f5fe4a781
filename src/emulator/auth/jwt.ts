// Compact JWS (header.payload.signature) with HS256, enough for tokens the emulator both issues
// and checks. Clients treat Graph tokens as opaque, so only the shape has to look like Graph's.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Claims = Record<string, unknown>;

export type VerifyResult = { ok: true; claims: Claims } | { ok: false; reason: 'malformed' | 'signature' };

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function sign(input: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(input).digest();
}

export function signJwt(claims: Claims, key: Buffer, kid: string): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${base64url(sign(signingInput, key))}`;
}

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isClaims(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape, the algorithm and the signature; the claims are the caller's to check. */
export function verifyJwt(token: string, keyFor: (kid: string) => Buffer | undefined): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  if (!isClaims(header) || !isClaims(claims) || !/^[A-Za-z0-9_-]*$/.test(signaturePart)) return { ok: false, reason: 'malformed' };
  const kid = header['kid'];
  const key = typeof kid === 'string' ? keyFor(kid) : undefined;
  if (header['alg'] !== 'HS256' || !key) return { ok: false, reason: 'signature' };
  const expected = sign(`${headerPart}.${payloadPart}`, key);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  return { ok: true, claims };
}
