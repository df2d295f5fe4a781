import { eTagsEqual, ifMatchHeader, normalizeETag, parseETag } from '../../src/graph';

describe('eTag helpers', () => {
  const quoted = '"12b493eb-2452-451b-84e5-ecba8ec898c8,1"';
  const braces = '"{12B493EB-2452-451B-84E5-ECBA8EC898C8},1"';
  const bare = '12b493eb-2452-451b-84e5-ecba8ec898c8,1';

  it('builds If-Match from any form, quoting when needed and echoing otherwise', () => {
    expect(ifMatchHeader(quoted)).toEqual({ 'If-Match': quoted });
    expect(ifMatchHeader(braces)).toEqual({ 'If-Match': braces });
    expect(ifMatchHeader(bare)).toEqual({ 'If-Match': `"${bare}"` });
    expect(ifMatchHeader('*')).toEqual({ 'If-Match': '*' });
  });

  it('compares the quoted, braced and bare forms as equal', () => {
    expect(eTagsEqual(quoted, braces)).toBe(true);
    expect(eTagsEqual(quoted, bare)).toBe(true);
    expect(eTagsEqual(braces, bare)).toBe(true);
    expect(eTagsEqual(`W/${quoted}`, bare)).toBe(true);
  });

  it('tells versions and items apart', () => {
    expect(eTagsEqual(quoted, '"12b493eb-2452-451b-84e5-ecba8ec898c8,2"')).toBe(false);
    expect(eTagsEqual(quoted, '"22b493eb-2452-451b-84e5-ecba8ec898c8,1"')).toBe(false);
    expect(eTagsEqual(quoted, undefined)).toBe(false);
  });

  it('parses and normalises', () => {
    expect(parseETag(braces)).toEqual({ id: '12b493eb-2452-451b-84e5-ecba8ec898c8', version: 1 });
    expect(parseETag('"8"')).toBeUndefined();
    expect(normalizeETag(braces)).toBe(bare);
    expect(eTagsEqual('"8"', '8')).toBe(true);
  });
});
