// The add-in manifest names the local run's origin (https://localhost:3000). The deployed site's
// manifest is the same file with that origin replaced everywhere: one source, no drift between them.

export const LOCAL_ORIGIN = 'https://localhost:3000';

/** The manifest for another origin, e.g. "https://malkoll.region.example". */
export function manifestForOrigin(xml: string, origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`Tillägget måste laddas över https, inte ${url.protocol}//${url.host}.`);
  return xml.split(LOCAL_ORIGIN).join(url.origin);
}
