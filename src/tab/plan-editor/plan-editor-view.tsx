// Redigera plan: the plan's controllers create, edit, reorder and remove its goals with their
// styrtal, uppdrag and aktiviteter, and its risks with their åtgärder; see the risk matrix; and
// adopt or archive the plan. Every write goes through the write API, which decides again who may.
// Anyone else gets nothing here: the workspace does not offer the view, and the view renders nothing.
import { Button, MessageBar, MessageBarBody, Subtitle1, Text, Title3 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { PlanItemParent } from '../../core';
import { GOAL_KIND, formatTarget, isController } from '../../core';
import type { FollowUpStore, LoadedPlan, StoredPlanItem } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import { ItemFormView } from './item-form';
import type { FormSubject } from './item-form-model';
import { ItemRow } from './item-row';
import { PlanCopyPanel } from './plan-copy-panel';
import { PlanStatusPanel } from './plan-status-panel';
import type { ListKind } from './plan-structure';
import { apiKind, siblingsOf } from './plan-structure';
import type { PeopleSearch, PlanWrites } from './plan-writes';
import { usePlanEditorStyles } from './plan-editor.styles';
import { RemovalPanel } from './removal-panel';
import { RiskMatrixView } from './risk-matrix-view';
import { addButton, rowButton, usePlanEdits } from './use-plan-edits';

export interface PlanEditorViewProps {
  readonly plan: LoadedPlan;
  readonly upn: string;
  /** The write API; absent when the configuration names none (then nothing can be changed). */
  readonly writes: PlanWrites | undefined;
  readonly search: PeopleSearch;
  readonly people: Pick<FollowUpStore, 'people'>;
  readonly strings: Strings;
  readonly language: UiLanguage;
  /** Loads the plan again after a write, and resolves once it is shown. */
  readonly onChanged: () => Promise<void>;
}

/** Whether the person gets the plan editor: the plan's controllers only. */
export function mayEditPlan(upn: string, plan: Pick<LoadedPlan, 'organisation'>): boolean {
  return isController(upn, { controllers: plan.organisation.controllerUpns ?? [] });
}

interface OpenForm {
  readonly subject: FormSubject;
  readonly listKind: ListKind;
  readonly heading: string;
  readonly placeText?: string;
  /** Where focus returns when the form closes without a save. */
  readonly back: string;
}

export function PlanEditorView(props: PlanEditorViewProps) {
  if (!mayEditPlan(props.upn, props.plan)) return null;
  return <PlanEditor {...props} />;
}

function PlanEditor({ plan, writes, search, people, strings, language, onChanged }: PlanEditorViewProps) {
  const s = strings.planEditor;
  const styles = usePlanEditorStyles();
  const [open, setOpen] = useState<OpenForm | undefined>();
  const edits = usePlanEdits({ plan, writes, strings, onChanged });
  const readOnly = plan.plan.status === 'archived' || writes === undefined;
  const owners = [plan.goals, plan.indicators, plan.assignments, plan.risks, plan.actions].flatMap((items: ReadonlyArray<{ readonly ownerUpn?: string }>) => items.map((t) => t.ownerUpn));
  const nameOf = usePeopleNames(people, [...owners, plan.plan.adoptedByUpn, plan.plan.archivedByUpn]);

  const goalTitle = (g: StoredPlanItem<'goal'>) => `${GOAL_KIND[g.kind][language]}${g.number ? ` ${g.number}` : ''}: ${g.title}`;
  const owner = (upn: string | undefined) => (upn ? [s.ownerLine(nameOf(upn))] : []);

  const openCreate = (listKind: ListKind, parent: PlanItemParent | undefined, parentTitle: string | undefined) => {
    edits.setAnnouncement(undefined);
    setOpen({
      subject: { mode: 'create', kind: apiKind(listKind), ...(parent ? { parent } : {}) },
      listKind,
      heading: s.newTitle[listKind],
      ...(parentTitle ? { placeText: s.underParent(parentTitle) } : {}),
      back: addButton(listKind, parent),
    });
  };
  const openEdit = (listKind: ListKind, item: StoredPlanItem, parent: PlanItemParent | undefined) => {
    edits.setAnnouncement(undefined);
    setOpen({ subject: { mode: 'update', kind: apiKind(listKind), item, ...(parent ? { parent } : {}) }, listKind, heading: s.editTitle(s.kind[listKind], item.title), back: rowButton(listKind, item.ref, 'edit') });
  };
  const closeForm = (back: string) => {
    setOpen(undefined);
    edits.focusAfter(back);
  };
  const saved = async (form: OpenForm, item: StoredPlanItem) => {
    await onChanged();
    setOpen(undefined);
    edits.setAnnouncement({ intent: 'success', text: s.saved(item.title) });
    edits.focusAfter(rowButton(form.listKind, item.ref, 'edit'));
  };

  /** A list of one kind under a parent (or the plan), with its add button. */
  const list = (listKind: ListKind, parent: PlanItemParent | undefined, parentTitle: string | undefined, row: (item: StoredPlanItem, first: boolean, last: boolean) => ReactNode, heading?: string) => {
    const items = siblingsOf(plan, listKind, parent);
    return (
      <div className={styles.section}>
        {heading && items.length > 0 ? (
          <Text as="h5" weight="semibold" className={styles.heading}>
            {heading}
          </Text>
        ) : null}
        {items.length > 0 ? <ul className={styles.list}>{items.map((item, i) => row(item, i === 0, i === items.length - 1))}</ul> : null}
        {readOnly ? null : (
          <div>
            <Button size="small" data-add={`${listKind}:${parent?.ref ?? ''}`} aria-label={parentTitle ? s.itemAction(s.add[listKind], parentTitle) : s.add[listKind]} onClick={() => openCreate(listKind, parent, parentTitle)}>
              {s.add[listKind]}
            </Button>
          </div>
        )}
      </div>
    );
  };

  const rowOf = (listKind: ListKind, parent: PlanItemParent | undefined, item: StoredPlanItem, first: boolean, last: boolean, title: string, details: string[], children?: ReactNode) => (
    <ItemRow
      key={item.ref}
      listKind={listKind}
      refName={item.ref}
      title={title}
      {...(listKind === 'goal' || listKind === 'risk' ? { headingLevel: 'h4' as const } : {})}
      details={details}
      first={first}
      last={last}
      busy={edits.busy}
      readOnly={readOnly}
      strings={strings}
      onEdit={() => openEdit(listKind, item, parent)}
      onMove={(step) => void edits.move(listKind, parent, item, step)}
      onRemove={() => edits.startRemoval(listKind, item, parent)}
      removal={
        edits.removal && edits.removal.listKind === listKind && edits.removal.item.ref === item.ref ? (
          <RemovalPanel question={edits.removal} strings={strings} onConfirm={edits.confirmRemoval} onCancel={edits.cancelRemoval} />
        ) : undefined
      }
    >
      {children}
    </ItemRow>
  );

  const goalRow = (item: StoredPlanItem, first: boolean, last: boolean) => {
    const goal = item as StoredPlanItem<'goal'>;
    const parent: PlanItemParent = { kind: 'goal', ref: goal.ref };
    const title = goalTitle(goal);
    return rowOf(
      'goal',
      undefined,
      goal,
      first,
      last,
      title,
      owner(goal.ownerUpn),
      <div className={styles.children}>
        {list('indicator', parent, title, (t, f, l) => {
          const indicator = t as StoredPlanItem<'indicator'>;
          const target = formatTarget(indicator);
          return rowOf('indicator', parent, indicator, f, l, indicator.title, [...(target ? [s.targetLine(target)] : []), ...owner(indicator.ownerUpn)]);
        }, s.under.indicator)}
        {list('assignment', parent, title, (t, f, l) => {
          const a = t as StoredPlanItem<'assignment'>;
          return rowOf('assignment', parent, a, f, l, `${a.number ? `${a.number}. ` : ''}${a.title}`, [...(a.dueDate ? [s.dueLine(a.dueDate)] : []), ...(a.multiYear ? [s.multiYearLine] : []), ...owner(a.ownerUpn)]);
        }, s.under.assignment)}
        {list('activity', parent, title, (t, f, l) => {
          const a = t as StoredPlanItem<'action'>;
          return rowOf('activity', parent, a, f, l, a.title, [...(a.dueDate ? [s.dueLine(a.dueDate)] : []), ...owner(a.ownerUpn)]);
        }, s.under.activity)}
      </div>,
    );
  };

  const riskRow = (item: StoredPlanItem, first: boolean, last: boolean) => {
    const risk = item as StoredPlanItem<'risk'>;
    const parent: PlanItemParent = { kind: 'risk', ref: risk.ref };
    const value = risk.probability !== undefined && risk.consequence !== undefined ? [s.riskValueLine(risk.probability, risk.consequence, risk.probability * risk.consequence)] : [];
    return rowOf(
      'risk',
      undefined,
      risk,
      first,
      last,
      risk.title,
      [risk.area, ...value, ...owner(risk.ownerUpn)],
      <div className={styles.children}>
        {list('action', parent, risk.title, (t, f, l) => {
          const a = t as StoredPlanItem<'action'>;
          return rowOf('action', parent, a, f, l, a.title, [...(a.dueDate ? [s.dueLine(a.dueDate)] : []), ...owner(a.ownerUpn)]);
        }, s.under.action)}
      </div>,
    );
  };

  return (
    <section className={styles.root} aria-labelledby="plan-edit-heading">
      <Title3 as="h2" id="plan-edit-heading">
        {s.title(plan.plan.title)}
      </Title3>
      <PlanStatusPanel plan={plan} writes={writes} strings={strings} language={language} nameOf={nameOf} onChanged={onChanged} />
      <PlanCopyPanel plan={plan} writes={writes} strings={strings} />
      {writes === undefined ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.noWriteApi}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div role="status" aria-live="polite">
        {edits.announcement ? (
          <MessageBar intent={edits.announcement.intent} data-testid="plan-edit-announcement">
            <MessageBarBody>{edits.announcement.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {open && writes ? (
        <ItemFormView
          key={open.heading}
          plan={plan}
          subject={open.subject}
          heading={open.heading}
          placeText={open.placeText}
          writes={writes}
          search={search}
          nameOf={nameOf}
          strings={strings}
          language={language}
          onSaved={(item) => void saved(open, item)}
          onCancel={() => closeForm(open.back)}
        />
      ) : (
        <>
          {readOnly ? null : <Text>{s.intro}</Text>}
          <section className={styles.section} aria-labelledby="plan-edit-goals">
            <Subtitle1 as="h3" id="plan-edit-goals">
              {s.goals}
            </Subtitle1>
            {siblingsOf(plan, 'goal', undefined).length === 0 ? <Text>{s.emptyGoals}</Text> : null}
            {list('goal', undefined, undefined, goalRow)}
          </section>
          <section className={styles.section} aria-labelledby="plan-edit-risks">
            <Subtitle1 as="h3" id="plan-edit-risks">
              {s.internalControl}
            </Subtitle1>
            {siblingsOf(plan, 'risk', undefined).length === 0 ? <Text>{s.emptyRisks}</Text> : null}
            {list('risk', undefined, undefined, riskRow)}
            {siblingsOf(plan, 'risk', undefined).length > 0 ? <RiskMatrixView risks={plan.risks} strings={strings} /> : null}
          </section>
        </>
      )}
    </section>
  );
}
