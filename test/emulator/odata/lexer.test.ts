import { ODataError } from '../../../src/emulator/odata';
import { lex } from '../../../src/emulator/odata/lexer';
import type { Token } from '../../../src/emulator/odata/lexer';

/** Tokens without positions, as compact strings, e.g. `ident:fields`, `/`, `string:x`. */
function shape(tokens: Token[]): string[] {
  return tokens.map((t) => {
    switch (t.kind) {
      case 'ident':
      case 'string':
        return `${t.kind}:${t.value}`;
      case 'number':
        return `number:${t.value}`;
      default:
        return t.kind;
    }
  });
}

describe('lexer: valid input', () => {
  test.each<[string, string[]]>([
    ["fields/Title eq 'x'", ['ident:fields', '/', 'ident:Title', 'ident:eq', 'string:x', 'eof']],
    ["'O''Brien'", ["string:O'Brien", 'eof']],
    ["''", ['string:', 'eof']],
    ["''''", ["string:'", 'eof']],
    ["'Målkoll åäö ÅÄÖ'", ['string:Målkoll åäö ÅÄÖ', 'eof']],
    ["'emoji 🎯 ok'", ['string:emoji 🎯 ok', 'eof']],
    ['12', ['number:12', 'eof']],
    ['-12', ['number:-12', 'eof']],
    ['3.25', ['number:3.25', 'eof']],
    ['-0.5', ['number:-0.5', 'eof']],
    ['1e3', ['number:1000', 'eof']],
    ['TRUE false Null', ['ident:TRUE', 'ident:false', 'ident:Null', 'eof']],
    ['startswith(fields/A,\'b\')', ['ident:startswith', '(', 'ident:fields', '/', 'ident:A', ',', 'string:b', ')', 'eof']],
    ['  \t\n id \r\n eq\t5  ', ['ident:id', 'ident:eq', 'number:5', 'eof']],
    ['_x0020_Name_2', ['ident:_x0020_Name_2', 'eof']],
    ["'2024-01-01T00:00:00Z'", ['string:2024-01-01T00:00:00Z', 'eof']],
    ['', ['eof']],
  ])('%j', (text, expected) => {
    expect(shape(lex(text, 'filter'))).toEqual(expected);
  });

  test('positions are 0-based character offsets', () => {
    expect(lex("id  eq 'a'", 'filter').map((t) => t.pos)).toEqual([0, 4, 7, 10]);
  });
});

describe('lexer: invalid input', () => {
  test.each<[string, number, string]>([
    ["fields/Title eq 'abc", 16, "unterminated string literal (a quote inside a string is written '')"],
    ["fields/Title eq 'it''s", 16, 'unterminated string literal'],
    ['fields/Title eq "x"', 16, `unexpected character '"' (strings are written in single quotes)`],
    ['fields/Title eq x%', 17, "unexpected character '%'"],
    ['fields/Åsa eq 1', 7, "unexpected character 'Å'"],
    ['fields/N eq - 5', 12, "unexpected character '-'"],
    ['fields/N eq 5abc', 12, "expected a number, found '5a'"],
    ['fields/N eq 5.', 12, "expected a number, found '5.'"],
    ['fields/Modified ge 2024-01-01', 19, "expected a quoted date, found 2024-01-01; write dates in quotes, e.g. '2024-01-01'"],
    ['fields/Modified ge 2024-01-01T10:00:00Z', 19, 'expected a quoted date, found 2024-01-01T10:00:00Z'],
  ])('%j fails at %i', (text, position, detail) => {
    let error: unknown;
    try {
      lex(text, 'filter');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ODataError);
    const odata = error as ODataError;
    expect(odata.code).toBe('BadRequest');
    expect(odata.status).toBe(400);
    expect(odata.position).toBe(position);
    expect(odata.message).toContain(`Invalid filter clause: Syntax error at position ${position} in '${text}': ${detail}`);
  });

  test('the clause names the query option', () => {
    expect(() => lex('fields/A desc;', 'orderby')).toThrow("Invalid orderby clause: Syntax error at position 13 in 'fields/A desc;': unexpected character ';'.");
  });
});
