// Stage 4: the checks every Graph operation shares before its handler runs: a JSON body that
// parses (with a JSON content type), and system query options given at most once.
import { UNREADABLE_JSON, badRequest } from './graph-errors';
import type { Stage } from './pipeline-context';

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function checkQueryOptions(query: URLSearchParams): void {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    const key = name.toLowerCase();
    if (!key.startsWith('$')) continue;
    if (seen.has(key)) {
      // OData's wording (Graph answers it unchanged).
      throw badRequest(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    }
    seen.add(key);
  }
}

export const parseStage: Stage = (ctx) => {
  checkQueryOptions(ctx.query);
  const input = ctx.input;
  if (input.kind === 'json') {
    ctx.body = input.value;
    return;
  }
  if (input.kind === 'none' || input.bytes.length === 0) return;
  if (!isJsonContentType(ctx.headers['content-type'])) throw badRequest(UNREADABLE_JSON);
  try {
    ctx.body = JSON.parse(input.bytes.toString('utf8')) as unknown;
  } catch {
    throw badRequest(UNREADABLE_JSON);
  }
};
