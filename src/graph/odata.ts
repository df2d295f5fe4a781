// Narrowing of OData collection pages from `unknown`.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CollectionPage {
  readonly value: unknown[];
  readonly nextLink?: string;
  readonly deltaLink?: string;
}

export function collectionPage(body: unknown, url: string): CollectionPage {
  if (!isRecord(body) || !Array.isArray(body['value'])) {
    throw new Error(`Expected an OData collection ({ value: [...] }) from ${url}`);
  }
  const next = body['@odata.nextLink'];
  const delta = body['@odata.deltaLink'];
  return {
    value: body['value'],
    ...(typeof next === 'string' && next !== '' ? { nextLink: next } : {}),
    ...(typeof delta === 'string' && delta !== '' ? { deltaLink: delta } : {}),
  };
}
