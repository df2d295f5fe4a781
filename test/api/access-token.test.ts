// The API's token check on its own: only an RS256 token from the tenant's keys, for the app's
// audience and scope, within its lifetime, names a caller.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { verifyAccessToken } from '../../src/api';
import type { TokenRules } from '../../src/api';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const TENANT = '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c';
const RULES: TokenRules = { issuers: [`https://login.microsoftonline.com/${TENANT}/v2.0`], audiences: ['api://malkoll.example/abc', 'abc'], tenantId: TENANT, scope: 'access_as_user' };
const NOW = new Date('2026-12-02T10:00:00Z');
const iat = Math.floor(NOW.getTime() / 1000) - 60;
const keys = { find: (kid: string) => Promise.resolve<KeyObject | undefined>(kid === 'k1' ? publicKey : undefined) };

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function token(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1', typ: 'JWT' }, key: KeyObject = privateKey): string {
  const body = { iss: RULES.issuers[0], aud: 'abc', tid: TENANT, iat, nbf: iat, exp: iat + 3600, scp: 'access_as_user', oid: 'o-1', upn: 'anna@region.example', name: 'Anna Andersson', ...claims };
  const input = `${b64(header)}.${b64(body)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

test('a good token names the person by upn, oid and name', async () => {
  await expect(verifyAccessToken(token(), RULES, keys, NOW)).resolves.toEqual({ objectId: 'o-1', upn: 'anna@region.example', displayName: 'Anna Andersson' });
  // v2 tokens without the optional upn claim: preferred_username.
  await expect(verifyAccessToken(token({ upn: undefined, preferred_username: 'anna@region.example' }), RULES, keys, NOW)).resolves.toMatchObject({ upn: 'anna@region.example' });
});

test.each([
  ['no signature algorithm of its own choosing (none)', () => `${b64({ alg: 'none', kid: 'k1' })}.${b64({ aud: 'abc' })}.`, /JWT|signeringsalgoritm/],
  ['HS256 is refused', () => token({}, { alg: 'HS256', kid: 'k1' }), /signeringsalgoritm/],
  ['an unknown key', () => token({}, { alg: 'RS256', kid: 'k2' }), /okänd signeringsnyckel/],
  ['signed by another key', () => token({}, undefined, other.privateKey), /fel signatur/],
  ['a tampered payload', () => { const [h, , s] = token().split('.'); return `${h}.${b64({ aud: 'abc', upn: 'boss@region.example' })}.${s}`; }, /fel signatur/],
  ['another issuer', () => token({ iss: 'https://login.microsoftonline.com/other/v2.0' }), /fel utfärdare/],
  ['another audience (a Graph token)', () => token({ aud: 'https://graph.microsoft.com' }), /inte utfärdad för Målkoll/],
  ['another tenant', () => token({ tid: '00000000-0000-0000-0000-000000000000' }), /fel klientorganisation/],
  ['expired', () => token({ iat: iat - 7200, nbf: iat - 7200, exp: iat - 3600 }), /gått ut/],
  ['not yet valid', () => token({ nbf: iat + 3600 }), /gäller inte ännu/],
  ['a lifetime no Entra token has', () => token({ exp: iat + 90 * 24 * 3600 }), /giltighetstid/],
  ['no scope (an app-only token)', () => token({ scp: undefined, roles: ['Sites.Selected'] }), /access_as_user/],
])('refused: %s', async (_name, make, message) => {
  await expect(verifyAccessToken(make(), RULES, keys, NOW)).rejects.toThrow(message);
});
