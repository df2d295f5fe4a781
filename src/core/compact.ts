// Optional properties are absent, never present as `undefined` (exactOptionalPropertyTypes): one
// helper turns "maybe absent" values into absent properties, typed as such. The exchange format
// writes an absent value as null, so null counts as absent too.

type Absent = undefined | null;
type KeysMaybeAbsent<T> = { [K in keyof T]-?: Absent extends T[K] ? K : undefined extends T[K] ? K : null extends T[K] ? K : never }[keyof T];
type KeysPresent<T> = Exclude<keyof T, KeysMaybeAbsent<T>>;

/** `{ a: string | undefined }` becomes `{ a?: string }`. */
export type Compact<T> = { [K in KeysPresent<T>]: T[K] } & { [K in KeysMaybeAbsent<T>]?: Exclude<T[K], Absent> };

/** The same object without its undefined or null properties. */
export function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Compact<T>;
}
