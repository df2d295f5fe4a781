// The Teams activity types the app declares (manifest `activities.activityTypes`) and the text Teams
// shows for one: its template filled with the notification's parameters. Here, not in the notify
// job, because the local tab's Aktivitet panel shows the same text the job's run report prints.

/** Each type's template text, exactly as in the manifest (a test holds them together). */
export const ACTIVITY_TYPES = {
  actionOverdue: { templateText: '{actionTitle} är försenad med {daysOverdue} dagar', parameters: ['actionTitle', 'daysOverdue'] },
  actionsOverdue: { templateText: '{count} åtgärder är försenade, mest: {actionTitle}', parameters: ['count', 'actionTitle'] },
  itemsOverdue: { templateText: '{items} är försenade, mest: {actionTitle}', parameters: ['items', 'actionTitle'] },
  reportingDue: { templateText: 'Inte klart i {planTitle}: {items}, {when}', parameters: ['planTitle', 'items', 'when'] },
  reportingLate: { templateText: 'Inte klart hos {people}: {items} i {planTitle}, {when}', parameters: ['people', 'items', 'planTitle', 'when'] },
  entryReturned: { templateText: '{by} skickade tillbaka {itemTitle}: {comment}', parameters: ['by', 'itemTitle', 'comment'] },
} as const;

export type ActivityType = keyof typeof ACTIVITY_TYPES;

export interface TemplateParameter {
  readonly name: string;
  readonly value: string;
}

export function isActivityType(value: unknown): value is ActivityType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTIVITY_TYPES, value);
}

/** The template with each `{name}` replaced; a parameter that is missing stays visible as `{name}`. */
export function renderTemplate(type: ActivityType, parameters: readonly TemplateParameter[]): string {
  return ACTIVITY_TYPES[type].templateText.replace(/\{(\w+)\}/g, (whole, name: string) => parameters.find((p) => p.name === name)?.value ?? whole);
}
