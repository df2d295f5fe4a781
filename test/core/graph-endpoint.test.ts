// Where tokens may go: Microsoft Graph (global and national clouds) over https, or the loopback
// emulator; everything else is refused with a Swedish reason.
import { checkGraphEndpoint } from '../../src/core';

const problemOf = (raw: string): string => {
  const result = checkGraphEndpoint(raw);
  if (result.ok) throw new Error(`${raw} was accepted`);
  return result.problem;
};

test('Microsoft Graph in every cloud, over https, is accepted and normalised', () => {
  for (const host of ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']) {
    expect(checkGraphEndpoint(`https://${host.toUpperCase()}/v1.0/`)).toEqual({ ok: true, endpoint: { kind: 'graph', url: `https://${host}/v1.0` } });
  }
  expect(checkGraphEndpoint('https://graph.microsoft.com/beta')).toMatchObject({ ok: true });
});

test('the loopback emulator is accepted by each loopback name', () => {
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:4123', 'http://[::1]:3000']) {
    expect(checkGraphEndpoint(`${origin}/graph/v1.0`)).toEqual({ ok: true, endpoint: { kind: 'emulator', url: `${origin}/graph/v1.0`, origin } });
  }
});

test.each([
  ['https://evil.example/v1.0', /inte Microsoft Graph.*bara över https/],
  ['http://graph.microsoft.com/v1.0', /nås bara över https/],
  ['http://169.254.169.254/metadata/identity', /inte Microsoft Graph/],
  ['https://graph.microsoft.com.evil.example/v1.0', /inte Microsoft Graph/],
  ['https://graph.microsoft.com:8443/v1.0', /utan portnummer/],
  ['https://graph.microsoft.com/v1.0?x=1', /frågedel/],
  ['https://user:pw@graph.microsoft.com/v1.0', /inloggningsuppgifter/],
  ['https://graph.microsoft.com/', /Graph-roten/],
  ['http://localhost:3000/other', /lokala emulatorns Graph-rot är http:\/\/localhost:3000\/graph\/v1.0/],
  ['ftp://localhost/graph/v1.0', /bara över https/],
  ['graf', /ingen giltig adress/],
])('%s is refused', (raw, why) => {
  expect(problemOf(raw)).toMatch(why);
});
