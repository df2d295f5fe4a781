// People registered through `POST /_dev/users` or `registerUsers()`: the input shape and its
// checks. Unknown keys are refused so a typo (`managerUPN`) does not silently drop a manager.

export interface UserRegistration {
  upn: string;
  displayName: string;
  /** The manager's UPN; `null` removes the manager; left out keeps what is stored. */
  managerUpn?: string | null;
  /** `null` clears; left out keeps what is stored. */
  jobTitle?: string | null;
  /** Defaults to the UPN when the user is first registered. */
  mail?: string;
}

/** A registered person as the dev endpoints show them (for a local user picker). */
export interface DevUser {
  id: string;
  upn: string;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  managerUpn: string | null;
}

export class RegistrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistrationError';
  }
}

const KEYS: ReadonlySet<string> = new Set(['upn', 'displayName', 'managerUpn', 'jobTitle', 'mail']);
const ADDRESS = /^[^@\s]+@[^@\s]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function address(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ADDRESS.test(value.trim())) {
    throw new RegistrationError(`${what} must be an address like name@example.org (got ${JSON.stringify(value)}).`);
  }
  return value.trim();
}

function parseOne(input: unknown, index: number): UserRegistration {
  const where = `users[${index}]`;
  if (!isRecord(input)) throw new RegistrationError(`${where} must be an object with upn and displayName.`);
  const unknown = Object.keys(input).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) {
    throw new RegistrationError(`${where} has unknown field(s) ${unknown.join(', ')}; known: ${[...KEYS].join(', ')}.`);
  }
  const upn = address(input['upn'], `${where}.upn`);
  const displayName = input['displayName'];
  if (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 256) {
    throw new RegistrationError(`${where}.displayName must be a non-empty text of at most 256 characters.`);
  }
  const registration: UserRegistration = { upn, displayName: displayName.trim() };
  const managerUpn = input['managerUpn'];
  if (managerUpn !== undefined) registration.managerUpn = managerUpn === null ? null : address(managerUpn, `${where}.managerUpn`);
  const jobTitle = input['jobTitle'];
  if (jobTitle !== undefined) {
    if (jobTitle !== null && (typeof jobTitle !== 'string' || jobTitle.length > 128)) {
      throw new RegistrationError(`${where}.jobTitle must be a text of at most 128 characters, or null.`);
    }
    registration.jobTitle = jobTitle;
  }
  if (input['mail'] !== undefined) registration.mail = address(input['mail'], `${where}.mail`);
  return registration;
}

/** One registration or a list of them. */
export function parseRegistrations(input: unknown): UserRegistration[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new RegistrationError('Give at least one user: {"upn": "...", "displayName": "..."}.');
  return list.map(parseOne);
}
