// The body of `POST /users/{id}/teamwork/sendActivityNotification`, checked the way Graph
// documents it (research: graph-lists.md §9, teams-excel.md C.4). Where Graph's wording is not
// known the message is the emulator's own (docs/emulator.md lists them).
import { badRequest } from '../server/graph-errors';

export interface ActivityNotification {
  topic: { source: 'entityUrl' | 'text'; value: string; webUrl?: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: Array<{ name: string; value: string }>;
  chainId?: string;
  teamsAppId?: string;
}

const PARAMETERS: ReadonlySet<string> = new Set(['topic', 'activityType', 'chainId', 'previewText', 'templateParameters', 'teamsAppId']);
/** Observed: Teams refuses longer deep links with this odd error (techcommunity report). */
const MAX_WEB_URL = 1024;
const TEAMS_LINK = /^https:\/\/teams\.(microsoft\.com|cloud\.microsoft)\//i;
/** What an entityUrl topic may point at on the user endpoint. */
const ENTITY_PATH = /^(users\/[^/]+\/teamwork\/installedApps\/[^/]+|appCatalogs\/teamsApps\/[^/]+)$/i;
const GRAPH_ROOT = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\//i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function entityPath(url: string, graphBaseUrl: string): string | undefined {
  const graph = GRAPH_ROOT.exec(url);
  if (graph) return url.slice(graph[0].length);
  const local = `${graphBaseUrl}/`;
  return url.startsWith(local) ? url.slice(local.length) : undefined;
}

function parseTopic(value: unknown, graphBaseUrl: string): ActivityNotification['topic'] {
  if (!isRecord(value)) throw badRequest("The parameter 'topic' is required: {source, value} (and webUrl for source 'text').");
  const source = value['source'];
  if (source !== 'entityUrl' && source !== 'text') {
    // OData's wording for an enum member it does not know.
    throw badRequest(`Cannot convert the literal '${String(source)}' to the expected type 'microsoft.graph.teamworkActivityTopicSource'.`);
  }
  const text = value['value'];
  if (!nonEmptyText(text)) throw badRequest('topic.value is required.');
  if (source === 'entityUrl') {
    const path = entityPath(text, graphBaseUrl);
    if (path === undefined || !ENTITY_PATH.test(path)) {
      throw badRequest(
        "topic.value must be the Graph URL of the user's teamsAppInstallation (users/{id}/teamwork/installedApps/{id}) or of a teamsCatalogApp (appCatalogs/teamsApps/{id}).",
      );
    }
    return { source, value: text };
  }
  const webUrl = value['webUrl'];
  if (!nonEmptyText(webUrl)) throw badRequest("topic.webUrl is required when topic.source is 'text'.");
  if (webUrl.length > MAX_WEB_URL) throw badRequest('UnknownError');
  if (!TEAMS_LINK.test(webUrl)) throw badRequest('topic.webUrl must be a Teams link (https://teams.microsoft.com/...).');
  return { source, value: text, webUrl };
}

function parseTemplateParameters(value: unknown): ActivityNotification['templateParameters'] {
  if (value === undefined || value === null) return [];
  const shape = 'templateParameters must be a list of {"name": "...", "value": "..."} pairs.';
  if (!Array.isArray(value)) throw badRequest(shape);
  const seen = new Set<string>();
  return value.map((entry: unknown) => {
    if (!isRecord(entry) || !nonEmptyText(entry['name']) || typeof entry['value'] !== 'string') throw badRequest(shape);
    const name = entry['name'];
    if (seen.has(name.toLowerCase())) throw badRequest(`The template parameter '${name}' is given more than once.`);
    seen.add(name.toLowerCase());
    return { name, value: entry['value'] };
  });
}

function parseChainId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // Int64: a JSON number, or a numeric string from IEEE754-compatible clients.
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) {
    throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Int64'.`);
  }
  return text;
}

export function parseActivityNotification(body: unknown, graphBaseUrl: string): ActivityNotification {
  if (!isRecord(body)) throw badRequest('The request body is required: topic, activityType and previewText.');
  for (const key of Object.keys(body)) {
    if (!PARAMETERS.has(key) && !key.startsWith('@')) {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendActivityNotification'.`);
    }
  }
  const topic = parseTopic(body['topic'], graphBaseUrl);
  const activityType = body['activityType'];
  if (!nonEmptyText(activityType)) throw badRequest("The parameter 'activityType' is required.");
  const previewText = body['previewText'];
  if (!isRecord(previewText) || typeof previewText['content'] !== 'string') {
    throw badRequest("The parameter 'previewText' is required, with its text in previewText.content.");
  }
  const templateParameters = parseTemplateParameters(body['templateParameters']);
  if (activityType === 'systemDefault' && !templateParameters.some((p) => p.name === 'systemDefaultText')) {
    throw badRequest("The activity type 'systemDefault' takes its text from the template parameter 'systemDefaultText', which is missing.");
  }
  const result: ActivityNotification = { topic, activityType, previewText: { content: previewText['content'] }, templateParameters };
  const chainId = parseChainId(body['chainId']);
  if (chainId !== undefined) result.chainId = chainId;
  const teamsAppId = body['teamsAppId'];
  if (teamsAppId !== undefined && teamsAppId !== null) {
    if (!nonEmptyText(teamsAppId)) throw badRequest('teamsAppId must be a text.');
    result.teamsAppId = teamsAppId;
  }
  return result;
}
