// Small composable checks that collect every problem with its JSON path, for the plan format.

export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

export type Check = (value: unknown, path: string, issues: ValidationIssue[]) => void;

export interface FieldSpec {
  readonly required?: boolean;
  readonly check: Check;
}

export type Shape = Readonly<Record<string, FieldSpec>>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'string') return `texten ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'ett objekt';
  return `${typeof value === 'number' ? 'talet' : 'värdet'} ${String(value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const required = (check: Check): FieldSpec => ({ required: true, check });
export const optional = (check: Check): FieldSpec => ({ check });

export function object(shape: Shape): Check {
  return (value, path, issues) => {
    if (!isRecord(value)) {
      issues.push({ path, message: `ett objekt förväntades, fick ${describe(value)}` });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!(key in shape)) {
        issues.push({ path: join(path, key), message: `okänd nyckel; tillåtna här: ${Object.keys(shape).join(', ')}` });
      }
    }
    for (const [key, spec] of Object.entries(shape)) {
      const child = value[key];
      if (child === undefined) {
        if (spec.required) issues.push({ path: join(path, key), message: 'saknas men krävs' });
        continue;
      }
      spec.check(child, join(path, key), issues);
    }
  };
}

export function arrayOf(check: Check): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ path, message: `en lista förväntades, fick ${describe(value)}` });
      return;
    }
    value.forEach((item, i) => check(item, `${path}[${i}]`, issues));
  };
}

export function nullable(check: Check): Check {
  return (value, path, issues) => {
    if (value !== null) check(value, path, issues);
  };
}

/** SharePoint's single line of text holds at most 255 characters (what Title and short columns are). */
export const LINE_MAX_LENGTH = 255;
function textWithin(maxLength: number, what: string): Check {
  return (value, path, issues) => {
    if (typeof value !== 'string') issues.push({ path, message: `en text förväntades, fick ${describe(value)}` });
    else if (value.trim() === '') issues.push({ path, message: 'får inte vara tom' });
    else if ([...value].length > maxLength) issues.push({ path, message: `${what} rymmer högst ${maxLength} tecken, texten har ${[...value].length}` });
  };
}

/** Text kept in a multiple-lines column (or Title with the whole text in FullTitle beside it). */
export const text: Check = textWithin(Number.POSITIVE_INFINITY, 'fältet');
/** Text kept in a single line of text: SharePoint refuses more than 255 characters there. */
export const line: Check = textWithin(LINE_MAX_LENGTH, 'fältet är en textrad i SharePoint och');

export const bool: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push({ path, message: `true eller false förväntades, fick ${describe(value)}` });
};

export const number: Check = (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ path, message: `ett JSON-tal förväntades (inte en text som "1 545"), fick ${describe(value)}` });
  }
};

export function integer(min: number, max: number): Check {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      issues.push({ path, message: `ett heltal ${min}–${max} förväntades, fick ${describe(value)}` });
    }
  };
}

export function exactly(expected: number): Check {
  return (value, path, issues) => {
    if (value !== expected) issues.push({ path, message: `måste vara ${expected}, fick ${describe(value)}` });
  };
}

export function code(codes: readonly string[]): Check {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !codes.includes(value)) {
      issues.push({ path, message: `okänd kod ${describe(value)}; tillåtna: ${codes.join(', ')}` });
    }
  };
}

export function matching(pattern: RegExp, expected: string, extra?: (value: string) => boolean): Check {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !pattern.test(value) || (extra !== undefined && !extra(value))) {
      issues.push({ path, message: `${expected} förväntades, fick ${describe(value)}` });
    }
  };
}

export const date: Check = matching(/^\d{4}-\d{2}-\d{2}$/, 'ett datum ÅÅÅÅ-MM-DD', (v) => isCalendarDate(v));

export const dateTime: Check = matching(
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
  'ett datum ÅÅÅÅ-MM-DD eller en tidpunkt ÅÅÅÅ-MM-DDTtt:mm:ssZ',
  (v) => isCalendarDate(v.slice(0, 10)),
);

export const upn: Check = matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'ett användarnamn (UPN) som namn@region.example');

export function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
