// The directory part: users, managers and the /me, /users operations.
export { directoryMigration } from './directory.migrations';
export { createUserStore } from './user-store';
export type { DirectoryUser, UserStore } from './user-store';
export { createDirectoryOperations } from './directory.handlers';
export { parseRegistrations, RegistrationError } from './user-registration';
export type { DevUser, UserRegistration } from './user-registration';
export { userIdFor } from './user-id';
