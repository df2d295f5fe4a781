// Date-only columns on a site in any time zone from UTC−11 to UTC+12: the day written is the day
// read, the overdue boundary splits on the right day, and an import compares by day. SharePoint's
// keeping is modelled by the emulator's own rule (midnight of the local day, in UTC).
import { columnDefinition, kindOf } from '../../src/lists/column-definition';
import { dateOnlyBoundary, readDate, sameFieldValue, writeDate } from '../../src/lists/fields';
import { listSpec } from '../../src/lists/schema';
import { dateOnlyInstant } from '../../src/emulator/lists/site-time-zone';

const ZONES = [
  'Pacific/Pago_Pago', // UTC−11, the westernmost the rule promises
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/New_York',
  'America/St_Johns', // −3:30 / −2:30
  'UTC',
  'Europe/London',
  'Europe/Stockholm',
  'Asia/Kolkata', // +5:30
  'Asia/Kathmandu', // +5:45
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Fiji', // UTC+12, the easternmost
];
// Winter, both DST changes in Europe and the US, summer, a leap day and the turn of the year.
const DAYS = ['2025-01-15', '2025-03-09', '2025-03-14', '2025-03-30', '2025-06-21', '2025-10-26', '2025-11-02', '2024-02-29', '2025-12-31', '2026-01-01'];

const keptAs = (day: string, zone: string) => dateOnlyInstant(writeDate(day) ?? '', zone);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.each(ZONES)('a site in %s', (zone) => {
  test.each(DAYS)('%s written reads as that day', (day) => {
    expect(readDate({ D: keptAs(day, zone) }, 'D')).toBe(day);
  });

  test.each(DAYS)('the boundary of the day after %s: that day is before it, the day itself is not', (day) => {
    const boundary = Date.parse(dateOnlyBoundary(nextDay(day)));
    expect(Date.parse(keptAs(day, zone))).toBeLessThan(boundary);
    expect(Date.parse(keptAs(nextDay(day), zone))).toBeGreaterThanOrEqual(boundary);
  });

  test('an import compares the day it writes with the instant the site keeps', () => {
    expect(sameFieldValue('date', writeDate('2025-03-14'), keptAs('2025-03-14', zone))).toBe(true);
    expect(sameFieldValue('date', writeDate('2025-03-15'), keptAs('2025-03-14', zone))).toBe(false);
  });
});

test('what Graph returns for 14 March on a Stockholm site reads as 14 March, winter and summer', () => {
  expect(readDate({ D: '2025-03-13T23:00:00Z' }, 'D')).toBe('2025-03-14');
  expect(readDate({ D: '2025-06-13T22:00:00Z' }, 'D')).toBe('2025-06-14');
  // New York (UTC−4 in March), Tokyo (UTC+9), and values written as UTC midnight before.
  expect(readDate({ D: '2025-03-14T04:00:00Z' }, 'D')).toBe('2025-03-14');
  expect(readDate({ D: '2025-03-13T15:00:00Z' }, 'D')).toBe('2025-03-14');
  expect(readDate({ D: '2025-03-14T00:00:00Z' }, 'D')).toBe('2025-03-14');
  expect(readDate({ D: '' }, 'D')).toBeUndefined();
});

test('the overdue boundary of 14 March is noon UTC on the 13th', () => {
  expect(dateOnlyBoundary('2025-03-14')).toBe('2025-03-13T12:00:00Z');
  expect(dateOnlyBoundary('2025-03-01')).toBe('2025-02-28T12:00:00Z');
});

test('an import compares date-times by instant and everything else as before', () => {
  expect(sameFieldValue('dateTime', '2026-01-20T10:23:45Z', '2026-01-20T11:23:45+01:00')).toBe(true);
  expect(sameFieldValue('dateTime', '2026-01-20T10:23:45Z', '2026-01-19T23:00:00Z')).toBe(false);
  expect(sameFieldValue('text', null, '')).toBe(true);
  expect(sameFieldValue('text', 'a', 'A')).toBe(false);
  expect(sameFieldValue('number', 5, 5)).toBe(true);
  expect(sameFieldValue('date', null, '2025-03-13T23:00:00Z')).toBe(false);
});

test('ReportedAt is a date and time; the due dates, deadlines and notices are dates', () => {
  const kind = (list: Parameters<typeof listSpec>[0], name: string) => listSpec(list).columns.find((c) => c.name === name)?.kind;
  expect(kind('FollowUps', 'ReportedAt')).toBe('dateTime');
  expect([kind('Periods', 'Deadline'), kind('Assignments', 'DueDate'), kind('Actions', 'DueDate'), kind('Actions', 'NotifiedOn')]).toEqual(['date', 'date', 'date', 'date']);
  const definition = (k: 'date' | 'dateTime') => columnDefinition({ name: 'X', displayName: 'X', kind: k }, () => '');
  expect(definition('dateTime')).toMatchObject({ dateTime: { format: 'dateTime' } });
  expect(definition('date')).toMatchObject({ dateTime: { format: 'dateOnly' } });
  expect(kindOf({ id: '1', name: 'X', dateTime: { format: 'dateOnly' } })).toBe('date');
  expect(kindOf({ id: '1', name: 'X', dateTime: { format: 'dateTime' } })).toBe('dateTime');
  expect(kindOf({ id: '1', name: 'X', dateTime: {} })).toBe('dateTime');
});
