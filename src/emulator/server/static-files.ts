// Serves files from one folder for paths that are neither Graph nor `/_dev` (the Teams tab will be
// served from the emulator's origin). GET and HEAD only; nothing outside the folder.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function fileFor(root: string, rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  const base = path.resolve(root);
  const candidate = path.resolve(base, `.${decoded}`);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return undefined;
  const stat = fs.statSync(candidate, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return fs.statSync(index, { throwIfNoEntry: false })?.isFile() ? index : undefined;
  }
  return stat?.isFile() ? candidate : undefined;
}

/** Answers from the folder and returns true, or returns false when there is no such file. */
export function serveStatic(root: string, method: string, rawPath: string, res: ServerResponse): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const file = fileFor(root, rawPath);
  if (!file) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': fs.statSync(file).size,
    'Cache-Control': 'no-cache',
  });
  if (method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}
