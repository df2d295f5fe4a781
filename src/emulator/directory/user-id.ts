// A user's object id is derived from the UPN (a name-based UUID, RFC 4122 version 5), so the same
// person has the same id in every emulator database: seeds, fixtures and tests can rely on it.
import { createHash } from 'node:crypto';

/** Namespace of the emulator's user ids (a random UUID, fixed once). */
const NAMESPACE = Buffer.from('3b0d5d7e6a2f4c1b9e8d4f7a2c6b1e90', 'hex');

export function userIdFor(upn: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(upn.toLowerCase(), 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}
