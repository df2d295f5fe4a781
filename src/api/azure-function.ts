// Azure Functions entry (Node.js v4 programming model): the write API over HTTP under /api, on the
// same Function App as the notify timer. Anonymous at the Functions level: every call carries the
// caller's Entra token, which the API validates itself (access-token.ts); CORS admits the tab's
// origin only (infra/azure.bicep).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { app } from '@azure/functions';
import { createFunctionApi } from './function-app';

const api = createFunctionApi({ env: process.env });

async function handle(request: HttpRequest): Promise<HttpResponseInit> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const path = new URL(request.url).pathname.replace(/^\/api/, '') || '/';
  const response = await api({ method: request.method, path, headers, body: await request.text() });
  return { status: response.status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...response.headers }, ...(response.body !== undefined ? { jsonBody: response.body } : {}) };
}

app.http('writeApi', { route: '{*path}', methods: ['GET', 'POST', 'PUT', 'DELETE'], authLevel: 'anonymous', handler: handle });
