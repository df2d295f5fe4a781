// What the local emulator recorded of the Teams activity notifications sent (GET /_dev/activity),
// read into what the Aktivitet panel shows: who got it, when, the text Teams would show and the
// deep link. Only the local run has this endpoint; in a tenant the notifications are in Teams.
import type { AppConfig } from '../../auth';
import type { TemplateParameter } from '../../core';
import { isActivityType, renderTemplate } from '../../core';

export interface ActivityRecord {
  readonly id: string;
  /** ISO date-time the emulator recorded it. */
  readonly sentAt: string;
  readonly recipientUpn: string;
  /** The activity type's template filled with the notification's parameters, as Teams shows it. */
  readonly text: string;
  /** The preview line Teams shows under it. */
  readonly preview?: string;
  /** The topic's `webUrl`: the Teams deep link. */
  readonly webUrl?: string;
  /** False when Teams would not have shown it, with the emulator's note why. */
  readonly delivered: boolean;
  readonly note?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function parametersOf(value: unknown): TemplateParameter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((p) => (typeof p.name === 'string' && typeof p.value === 'string' ? [{ name: p.name, value: p.value }] : []));
}

/**
 * One recorded notification; undefined for a record that is not one (the emulator records what
 * it accepted, but the panel should not fail on a record another tool wrote).
 */
export function toActivityRecord(raw: unknown): ActivityRecord | undefined {
  if (!isRecord(raw)) return undefined;
  const id = text(raw.id);
  const sentAt = text(raw.sentAt);
  const recipientUpn = text(raw.recipientUpn);
  if (!id || !sentAt || !recipientUpn) return undefined;
  const body = isRecord(raw.body) ? raw.body : {};
  const topic = isRecord(body.topic) ? body.topic : {};
  const previewText = isRecord(body.previewText) ? body.previewText : {};
  const type = raw.activityType ?? body.activityType;
  const preview = text(previewText.content);
  // A type the manifest does not declare has no template: Teams would show the topic instead.
  const shown = isActivityType(type) ? renderTemplate(type, parametersOf(body.templateParameters)) : (text(topic.value) ?? preview ?? '');
  const webUrl = text(topic.webUrl);
  const note = text(raw.note);
  return { id, sentAt, recipientUpn, text: shown, ...(preview ? { preview } : {}), ...(webUrl ? { webUrl } : {}), delivered: raw.delivered !== false, ...(note ? { note } : {}) };
}

/** Newest first (the emulator's order, kept even if a record's clock disagrees). */
export async function loadActivity(origin: string, recipientUpn?: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<ActivityRecord[]> {
  const query = recipientUpn ? `?recipient=${encodeURIComponent(recipientUpn)}` : '';
  const response = await fetchImpl(`${origin.replace(/\/+$/, '')}/_dev/activity${query}`);
  if (!response.ok) throw new Error(`svar ${response.status}`);
  const body = (await response.json()) as { value?: unknown };
  return (Array.isArray(body.value) ? body.value : []).map(toActivityRecord).filter((r): r is ActivityRecord => r !== undefined);
}

/**
 * Where the recorded notifications are: the emulator's origin in the local run; undefined in a
 * tenant, where they are in Teams' own activity feed and the panel stays empty.
 */
export function activityOrigin(config: Pick<AppConfig, 'mode' | 'graphUrl'>): string | undefined {
  return config.mode === 'emulator' ? new URL(config.graphUrl).origin : undefined;
}
