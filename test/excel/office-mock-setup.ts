// office-addin-mock needs only the host enum of office-addin-manifest, whose main entry pulls in an
// ES-module-only dependency that Jest (CommonJS, Node 20) cannot load; the enum's own file is plain.
// Imported before office-addin-mock; outside Jest (the bench runs under tsx) there is nothing to do.
if (typeof jest !== 'undefined') jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
export {};
