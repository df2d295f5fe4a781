// An item of the plan in words: the lines a conflict shows for each version, and the short line
// under an item in the editor's lists. Owners by name, targets as the report prints them.
import type { PlanItemKind } from '../../core';
import { DIRECTION, GOAL_KIND, ORIGIN, formatTarget } from '../../core';
import type { Strings, UiLanguage } from '../../ui';
import type { ItemForm } from './item-form-model';
import { draftOf } from './item-form-model';

export interface LineContext {
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly nameOf: (upn: string | undefined) => string;
}

/** The target a form's fields make, as the plan and the report will print it. */
export function targetPreview(form: ItemForm): string | undefined {
  const { draft } = draftOf('indicator', form);
  const n = (key: string) => (typeof draft[key] === 'number' ? { [key]: draft[key] as number } : {});
  const t = (key: string) => (typeof draft[key] === 'string' ? { [key]: draft[key] as string } : {});
  return formatTarget({
    valueType: form.valueType,
    direction: form.direction,
    ...n('target'),
    ...n('targetMax'),
    ...n('targetOffset'),
    ...(form.targetKind === '' ? {} : { targetKind: form.targetKind }),
    ...t('targetText'),
    ...t('unit'),
  });
}

/** Sannolikhet × konsekvens once both are graded. */
export function formRiskValue(form: Pick<ItemForm, 'probability' | 'consequence'>): number | undefined {
  const p = Number(form.probability);
  const c = Number(form.consequence);
  return form.probability !== '' && form.consequence !== '' && p > 0 && c > 0 ? p * c : undefined;
}

/** Every field the kind has that is filled in, "Label: value", for comparing two versions. */
export function versionLines(kind: PlanItemKind, form: ItemForm, { strings, language, nameOf }: LineContext): string[] {
  const f = strings.planEditor.fields;
  const lines: Array<[string, string]> = [[f.title, form.title]];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') lines.push([label, value]);
  };
  switch (kind) {
    case 'goal':
      add(f.goalKind, GOAL_KIND[form.goalKind][language]);
      add(f.number, form.number);
      add(f.perspective, form.perspective);
      add(f.origin, ORIGIN[form.origin][language]);
      add(f.description, form.description);
      break;
    case 'indicator':
      add(f.valueType, strings.planEditor.valueTypes[form.valueType]);
      add(f.unit, form.unit);
      if (form.valueType === 'numeric') {
        add(f.direction, DIRECTION[form.direction][language]);
        add(f.targetKind, form.targetKind === '' ? f.noTarget : strings.planEditor.targetKinds[form.targetKind]);
        add(f.target, targetPreview(form));
        add(f.longTermTarget, form.longTermTargetText || form.longTermTarget);
        add(f.baseline, form.baseline);
      }
      add(f.source, form.source);
      break;
    case 'assignment':
      add(f.number, form.number);
      add(f.origin, ORIGIN[form.origin][language]);
      add(f.dueDate, form.dueDate);
      if (form.multiYear) add(f.multiYear, '✓');
      break;
    case 'risk': {
      add(f.area, form.area);
      add(f.probability, form.probability);
      add(f.consequence, form.consequence);
      const value = formRiskValue(form);
      if (value !== undefined) add(f.riskValue, String(value));
      if (form.regionWide) add(f.regionWide, '✓');
      break;
    }
    case 'action':
      add(f.dueDate, form.dueDate);
      if (form.regionWide) add(f.regionWide, '✓');
      break;
  }
  add(f.owner, form.ownerUpn ? nameOf(form.ownerUpn) : strings.planEditor.owner.none);
  return lines.map(([label, value]) => `${label}: ${value}`);
}
