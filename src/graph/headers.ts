// Header access over the three shapes `RequestInit.headers` can take. The SDK's GraphRequest hands
// the middleware a plain object, but a middleware must not rely on that.

/** Sets a request header, replacing any value under the same name in any letter case. */
export function setRequestHeader(init: RequestInit, name: string, value: string): void {
  const headers = init.headers;
  if (headers === undefined) {
    init.headers = { [name]: value };
    return;
  }
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.set(name, value);
    return;
  }
  const lower = name.toLowerCase();
  if (Array.isArray(headers)) {
    const kept = headers.filter((pair) => String(pair[0]).toLowerCase() !== lower);
    init.headers = [...kept, [name, value]];
    return;
  }
  const record = headers as Record<string, string>;
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) delete record[key];
  record[name] = value;
}

/** Removes a request header in any letter case. */
export function deleteRequestHeader(init: RequestInit, name: string): void {
  const headers = init.headers;
  if (headers === undefined) return;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.delete(name);
    return;
  }
  const lower = name.toLowerCase();
  if (Array.isArray(headers)) {
    init.headers = headers.filter((pair) => String(pair[0]).toLowerCase() !== lower);
    return;
  }
  const record = headers as Record<string, string>;
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) delete record[key];
}

/** Case-insensitive lookup in a plain header record (e.g. a `$batch` inner response's headers). */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
