// Numbers as Swedish reports write them: space-grouped thousands, decimal comma, "%"/"st"/"mnkr".
// Parsing is strict: a value is either fully understood or refused with a Swedish explanation,
// never half-parsed.

export type ParsedNumber =
  | { readonly ok: true; readonly value: number; readonly unit?: string }
  | { readonly ok: false; readonly message: string };

/** Space, no-break space, narrow no-break space, thin space: all used as thousands separators. */
const GROUP_SPACE = /[ \u00A0\u202F\u2009]/;
const ANY_SPACES = /[ \u00A0\u202F\u2009]+/g;
const MINUS_SIGNS = /^[-\u2212]/;

/** Unit words accepted after a number, with the unit code they mean. */
const UNIT_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['procent', '%'],
  ['%', '%'],
  ['st', 'st'],
  ['mnkr', 'mnkr'],
  ['tkr', 'tkr'],
  ['kr', 'kr'],
  ['dagar', 'dagar'],
  ['dygn', 'dygn'],
];

const EXAMPLES = 'till exempel 1 545, 5,8 %, 88 % eller -333,4';

function refuse(message: string): ParsedNumber {
  return { ok: false, message };
}

function splitUnit(text: string): { number: string; unit?: string } {
  const lower = text.toLowerCase();
  for (const [word, unit] of UNIT_WORDS) {
    if (lower.endsWith(word)) {
      const before = text.slice(0, text.length - word.length);
      // A letter right before the unit means the word is part of something else ("abcst").
      if (word !== '%' && /[a-zåäö]$/i.test(before)) continue;
      return { number: before.replace(/[ \u00A0\u202F\u2009]+$/, ''), unit };
    }
  }
  return { number: text };
}

/**
 * Parses a number written the Swedish way. Accepts "1 545 st", "1 545" (no-break space), "5,8%",
 * "88 %", "-1 864,1", "−0,5", "80,5 procent"; refuses "12,3,4", "1.545,2", "abc" and "".
 */
export function parseSwedishNumber(input: string): ParsedNumber {
  const text = input.trim();
  if (text === '') return refuse(`Ange ett tal, ${EXAMPLES}.`);
  if (/\d\s*[–—]\s*\d/.test(text)) {
    return refuse(`"${text}" är ett intervall. Ange ett enda tal, ${EXAMPLES}.`);
  }
  const { number, unit } = splitUnit(text);
  const sign = MINUS_SIGNS.test(number) ? -1 : 1;
  const unsigned = number.replace(MINUS_SIGNS, '');
  if (unsigned.includes('.')) {
    return refuse(`"${text}" innehåller punkt. Skriv decimaler med komma och tusental med mellanslag, ${EXAMPLES}.`);
  }
  if ((unsigned.match(/,/g) ?? []).length > 1) {
    return refuse(`"${text}" har mer än ett decimalkomma. Ange ett tal med högst ett komma, ${EXAMPLES}.`);
  }
  const [integerPart = '', decimals] = unsigned.split(',');
  if (!/^\d/.test(integerPart) || /[^\d \u00A0\u202F\u2009]/.test(integerPart) || (decimals !== undefined && !/^\d+$/.test(decimals))) {
    return refuse(`"${text}" är inte ett tal. Ange ett tal, ${EXAMPLES}.`);
  }
  if (GROUP_SPACE.test(integerPart) && !/^\d{1,3}([ \u00A0\u202F\u2009]\d{3})+$/.test(integerPart)) {
    return refuse(`"${text}": tusental skrivs i grupper om tre siffror med mellanslag, till exempel 1 545 eller 306 992.`);
  }
  const digits = integerPart.replace(ANY_SPACES, '');
  const value = sign * Number(decimals === undefined ? digits : `${digits}.${decimals}`);
  if (!Number.isFinite(value)) return refuse(`"${text}" är inte ett tal. Ange ett tal, ${EXAMPLES}.`);
  // -0 would print as "-0"; a user typing "-0" means zero.
  const normalised = Object.is(value, -0) ? 0 : value;
  return unit === undefined ? { ok: true, value: normalised } : { ok: true, value: normalised, unit };
}

/** No-break space: keeps "1 545 st" and "88 %" on one line in narrow table cells. */
export const NBSP = '\u00A0';

export interface FormatOptions {
  /** Fixed number of decimals; when absent, up to `maxDecimals` as needed. */
  readonly decimals?: number;
  readonly maxDecimals?: number;
}

/** Formats as the reports do: "1 545", "-1 864,1", "5,8" (hyphen-minus, no-break space groups). */
export function formatSwedishNumber(value: number, options: FormatOptions = {}): string {
  const maxDecimals = options.decimals ?? options.maxDecimals ?? 2;
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [integerDigits = '0', rawFraction = ''] = fixed.split('.');
  const fraction = options.decimals === undefined ? rawFraction.replace(/0+$/, '') : rawFraction;
  const grouped = integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const isZero = Number(fixed) === 0;
  const sign = value < 0 && !isZero ? '-' : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Decimals the reports use per unit: mnkr always one ("-333,4"), percentages up to one. */
function optionsForUnit(unit: string | undefined): FormatOptions {
  switch (unit) {
    case 'mnkr':
      return { decimals: 1 };
    case '%':
      return { maxDecimals: 1 };
    default:
      return { maxDecimals: 2 };
  }
}

/** A value with its unit as the reports print it: "1 545 st", "88 %", "-333,4 mnkr", "72". */
export function formatValue(value: number, unit?: string): string {
  const number = formatSwedishNumber(value, optionsForUnit(unit));
  if (!unit || unit === 'index') return number;
  return `${number}${NBSP}${unit}`;
}

/** Replaces the no-break spaces of formatted output with plain ones (for comparisons and logs). */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}
