import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ODataError, parseExpand, parseSelect, parseTop } from '../../../src/emulator/odata';
import type { ExpandOption } from '../../../src/emulator/odata';

function errorOf(run: () => unknown): ODataError {
  try {
    run();
  } catch (e) {
    if (e instanceof ODataError) return e;
    throw e;
  }
  throw new Error('expected an ODataError');
}

describe('parseSelect', () => {
  test.each<[string, string[]]>([
    ['id,fields,webUrl', ['id', 'fields', 'webUrl']],
    [' id , webUrl ', ['id', 'webUrl']],
    ['id,id,eTag', ['id', 'eTag']],
    ['', []],
    ['*', []],
    ['id,*', []],
    ['_UIVersionString', ['_UIVersionString']],
  ])('%j', (text, expected) => {
    expect(parseSelect(text)).toEqual(expected);
  });

  test.each<[string, string]>([
    ['id,,fields', "Term '' is not valid"],
    ['id,', "Term '' is not valid"],
    ['fields/Title', "Term 'fields/Title' is not valid"],
    ['web Url', "Term 'web Url' is not valid"],
    ["id;drop table items", "Term 'id;drop table items' is not valid"],
  ])('%j is rejected', (text, detail) => {
    const error = errorOf(() => parseSelect(text));
    expect(error.code).toBe('BadRequest');
    expect(error.status).toBe(400);
    expect(error.message).toBe(`Parsing OData Select and Expand failed: ${detail} in a $select or $expand expression.`);
  });
});

describe('parseExpand', () => {
  test.each<[string, ExpandOption]>([
    ['fields', { fields: {} }],
    ['Fields', { fields: {} }],
    ['', {}],
    ['fields($select=Title,Code)', { fields: { select: ['Title', 'Code'] } }],
    ['fields(select=Title,Code)', { fields: { select: ['Title', 'Code'] } }],
    ['fields( $SELECT = Title , Code )', { fields: { select: ['Title', 'Code'] } }],
    ['fields($select=Title,Title,AuthorLookupId)', { fields: { select: ['Title', 'AuthorLookupId'] } }],
    ['fields($select=*)', { fields: {} }],
    [' fields ', { fields: {} }],
  ])('%j', (text, expected) => {
    expect(parseExpand(text)).toEqual(expected);
  });

  test.each<[string, string, number, string]>([
    ['columns', 'BadRequest', 400, "Parsing OData Select and Expand failed: Could not find a property named 'columns' on type 'microsoft.graph.listItem'."],
    ['fields,owner', 'BadRequest', 400, "Parsing OData Select and Expand failed: Could not find a property named 'owner' on type 'microsoft.graph.listItem'."],
    ['driveItem', 'notImplemented', 501, "Expanding 'driveItem' is not supported by the emulator; only fields can be expanded."],
    ['fields,versions', 'notImplemented', 501, "Expanding 'versions' is not supported by the emulator; only fields can be expanded."],
    ['fields,fields', 'BadRequest', 400, "Parsing OData Select and Expand failed: The property 'fields' is expanded more than once."],
    ['fields($top=5)', 'BadRequest', 400, "Parsing OData Select and Expand failed: The query option '$top' is not supported inside $expand=fields(...); only $select is."],
    ['fields($select=A;$select=B)', 'BadRequest', 400, "Parsing OData Select and Expand failed: The query option '$select' appears twice inside fields(...)."],
    ['fields($select=A,)', 'BadRequest', 400, "Parsing OData Select and Expand failed: Term '' is not valid in a $select or $expand expression."],
    ['fields($select=A', 'BadRequest', 400, "Parsing OData Select and Expand failed: Missing ')' in 'fields($select=A'."],
    ['fields)', 'BadRequest', 400, "Parsing OData Select and Expand failed: Unbalanced ')' at position 6 in 'fields)'."],
    ['fields()', 'BadRequest', 400, "Parsing OData Select and Expand failed: Term '' is not valid in a $select or $expand expression."],
    ["fields($select=A') OR 1=1 --)", 'BadRequest', 400, "Parsing OData Select and Expand failed: Unbalanced ')' at position 28 in 'fields($select=A') OR 1=1 --)'."],
    ["fields($select=A' OR '1'='1)", 'BadRequest', 400, "Parsing OData Select and Expand failed: Term 'A' OR '1'='1' is not valid in a $select or $expand expression."],
  ])('%j is rejected with %s %i', (text, code, status, message) => {
    const error = errorOf(() => parseExpand(text));
    expect([error.code, error.status, error.message]).toEqual([code, status, message]);
  });
});

describe('parseTop', () => {
  test.each<[string, number]>([
    ['1', 1],
    ['200', 200],
    [' 50 ', 50],
    ['007', 7],
    ['5000', 5000],
    ['999999', 999999],
  ])('%j → %i', (text, expected) => {
    expect(parseTop(text)).toBe(expected);
  });

  test.each(['0', '-1', '1.5', '1e3', 'abc', '', '+5', '5 5', '99999999999999999999'])('%j is rejected', (text) => {
    const error = errorOf(() => parseTop(text));
    expect(error.code).toBe('BadRequest');
    expect(error.status).toBe(400);
    expect(error.message).toBe(`Invalid value '${text}' for $top query option found. The $top query option requires a positive integer value.`);
  });

  test('page size constants', () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([200, 5000]);
  });
});
