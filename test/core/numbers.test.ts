import { formatSwedishNumber, formatValue, parseSwedishNumber, plainSpaces } from '../../src/core';

describe('parsing numbers the way Swedish reports write them', () => {
  test.each([
    ['1 545 st', 1545, 'st'],
    ['1\u00A0545', 1545, undefined],
    ['1\u202F545', 1545, undefined],
    ['306 992', 306992, undefined],
    ['5,8%', 5.8, '%'],
    ['88 %', 88, '%'],
    ['88%', 88, '%'],
    ['-1 864,1', -1864.1, undefined],
    ['−0,5', -0.5, undefined],
    ['80,5 procent', 80.5, '%'],
    ['-333,4 mnkr', -333.4, 'mnkr'],
    ['12 dagar', 12, 'dagar'],
    ['  74 %  ', 74, '%'],
    ['0', 0, undefined],
    ['-0', 0, undefined],
    ['1 234 567,25', 1234567.25, undefined],
  ])('accepts %j as %d', (input, value, unit) => {
    const result = parseSwedishNumber(input);
    expect(result).toEqual(unit === undefined ? { ok: true, value } : { ok: true, value, unit });
  });

  test.each([
    ['12,3,4', 'mer än ett decimalkomma'],
    ['1.545,2', 'punkt'],
    ['5.8', 'punkt'],
    ['abc', 'inte ett tal'],
    ['', 'Ange ett tal'],
    ['   ', 'Ange ett tal'],
    ['77–80', 'intervall'],
    ['1 54', 'grupper om tre siffror'],
    ['15 45', 'grupper om tre siffror'],
    ['12a', 'inte ett tal'],
    ['--5', 'inte ett tal'],
    [',5', 'inte ett tal'],
    ['5,', 'inte ett tal'],
    ['%', 'inte ett tal'],
    ['1e5', 'inte ett tal'],
  ])('refuses %j with a Swedish message saying what was expected', (input, fragment) => {
    const result = parseSwedishNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(fragment);
      expect(result.message).toMatch(/till exempel/);
    }
  });
});

describe('formatting numbers as the reports print them', () => {
  test.each([
    [1545, 'st', '1 545 st'],
    [88, '%', '88 %'],
    [5.8, '%', '5,8 %'],
    [81.1, '%', '81,1 %'],
    [-333.4, 'mnkr', '-333,4 mnkr'],
    [131.8, 'mnkr', '131,8 mnkr'],
    [12, 'mnkr', '12,0 mnkr'],
    [-1864.1, undefined, '-1 864,1'],
    [306992, undefined, '306 992'],
    [72, 'index', '72'],
    [3, 'dagar', '3 dagar'],
  ])('%d %s → %j', (value, unit, expected) => {
    expect(plainSpaces(formatValue(value, unit))).toBe(expected);
  });

  test('groups and units are held together with no-break spaces so cells never wrap inside a number', () => {
    expect(formatValue(1545, 'st')).toBe('1\u00A0545\u00A0st');
  });

  test('a fixed number of decimals for mnkr and rounding that never prints "-0"', () => {
    expect(formatSwedishNumber(-0.04, { decimals: 1 })).toBe('0,0');
    expect(formatSwedishNumber(-333.44, { decimals: 1 })).toBe('-333,4');
  });

  test.each([['1 545 st'], ['5,8 %'], ['-1 864,1'], ['-333,4 mnkr']])('round-trips %j', (text) => {
    const parsed = parseSwedishNumber(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(plainSpaces(formatValue(parsed.value, parsed.unit))).toBe(text);
  });
});
