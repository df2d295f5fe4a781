// The signed-in app: plan and period pickers, the four views, the editor, the Aktivitet slot.
// Att göra is in the first bundle; the other views and the editor load when first opened.
import { Button, Field, Select, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Plan } from '../core';
import { periodLabel } from '../core';
import type { Stored } from '../lists';
import { FollowUpStore, entryOf } from '../store';
import type { Strings, UiLanguage } from '../ui';
import { activityOrigin, loadActivity } from './data/activity-feed';
import type { ViewName } from './data/link-target';
import { openingOf } from './data/link-target';
import type { Choice } from './data/plan-choice';
import { openPeriod, rememberPlan } from './data/plan-choice';
import type { Session } from './data/session';
import { usePlan } from './data/use-plan';
import type { EditorSubject } from './editor/editor-model';
import { ActivityPanel } from './views/activity-panel';
import { ActivitySlot } from './views/activity-slot';
import type { OpenTarget } from './views/item-link';
import { TodoView } from './views/todo-view';
import { useWorkspaceStyles } from './workspace.styles';

const PlanView = lazy(() => import('./views/plan-view').then((m) => ({ default: m.PlanView })));
const InternalControlView = lazy(() => import('./views/internal-control-view').then((m) => ({ default: m.InternalControlView })));
const OverdueView = lazy(() => import('./views/overdue-view').then((m) => ({ default: m.OverdueView })));
const EntryEditor = lazy(() => import('./editor/entry-editor').then((m) => ({ default: m.EntryEditor })));


export interface WorkspaceProps {
  readonly session: Session;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly choice: Choice;
  readonly subPageId?: string;
  readonly initialView?: ViewName;
  readonly onSwitchUser?: () => void;
}

export function Workspace(props: WorkspaceProps) {
  const { strings, language, choice } = props;
  const styles = useWorkspaceStyles();
  const opening = openingOf(props.subPageId);
  const [session, setSession] = useState(props.session);
  const [planKey, setPlanKey] = useState<string | undefined>(opening.planKey ?? choice.planKey);
  const [plans, setPlans] = useState<Array<Stored<Plan>> | undefined>();
  const [view, setView] = useState<ViewName>(props.initialView ?? opening.view ?? 'todo');
  const [editing, setEditing] = useState<OpenTarget | undefined>(opening.editing);
  const [periodKey, setPeriodKey] = useState<string | undefined>(opening.periodKey ?? choice.periodKey);
  const { state, reload, applySaved } = usePlan(session, planKey, setSession);

  // The plan list is only for the picker (and for choosing a plan when none is known): loaded after
  // Att göra when a plan is known, so it never delays the first view.
  const planLoading = state.status === 'loading';
  useEffect(() => {
    if (planKey && planLoading) return;
    let live = true;
    session.store.listPlans().then(
      (found) => {
        if (!live) return;
        setPlans(found);
        if (!planKey) {
          const newest = [...found].sort((a, b) => b.year - a.year)[0];
          if (newest) setPlanKey(FollowUpStore.planKey(newest.organisationCode, newest.year));
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, planKey, planLoading]);

  useEffect(() => {
    if (planKey) rememberPlan(planKey);
  }, [planKey]);

  const plan = state.status === 'ready' ? state.plan : undefined;
  const period = useMemo(() => (plan ? (plan.periods.find((p) => p.key === periodKey) ?? openPeriod(plan.periods, choice.asOf)) : undefined), [plan, periodKey, choice.asOf]);

  const subject = (target: OpenTarget): EditorSubject | undefined => {
    if (!plan) return undefined;
    switch (target.kind) {
      case 'indicator': {
        const i = plan.indicators.find((x) => x.ref === target.ref);
        return i ? { kind: 'indicator', ref: i.ref, title: i.title, indicator: i } : undefined;
      }
      case 'goal': {
        const g = plan.goals.find((x) => x.ref === target.ref);
        return g ? { kind: 'goal', ref: g.ref, title: g.title } : undefined;
      }
      case 'assignment': {
        const a = plan.assignments.find((x) => x.ref === target.ref);
        return a ? { kind: 'assignment', ref: a.ref, title: a.title } : undefined;
      }
      case 'action': {
        const a = plan.actions.find((x) => x.ref === target.ref);
        return a ? { kind: 'action', ref: a.ref, title: a.title, actionStatus: a.status } : undefined;
      }
    }
  };

  const editorFor = (target: OpenTarget) => {
    const s = subject(target);
    if (!plan || !period || !s) return null;
    const previousKey = plan.periods.filter((p) => p.key !== period.key && p.year <= period.year).map((p) => p.key);
    const current = entryOf(plan, s.kind, s.ref, period.key);
    // Beside the form: the latest earlier period of the plan that has an entry (delår beside helår).
    const previous = previousKey
      .map((key) => entryOf(plan, s.kind, s.ref, key))
      .filter((e) => e !== undefined)
      .pop();
    const action = s.kind === 'action' ? plan.actions.find((a) => a.ref === s.ref) : undefined;
    return (
      <EntryEditor
        key={`${s.kind}:${s.ref}:${period.key}`}
        store={session.store}
        plan={plan}
        subject={s}
        periodKey={period.key}
        upn={session.upn}
        {...(current ? { current } : {})}
        {...(previous ? { previous } : {})}
        {...(action ? { action } : {})}
        strings={strings}
        language={language}
        onSaved={applySaved}
        onClose={() => setEditing(undefined)}
      />
    );
  };

  const open = (target: OpenTarget) => setEditing(target);

  // Only the emulator records notifications; in a tenant the slot keeps its placeholder.
  const emulatorOrigin = activityOrigin(session.config);
  const loadFeed = useCallback((recipientUpn?: string) => loadActivity(emulatorOrigin ?? '', recipientUpn), [emulatorOrigin]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.pickers}>
          <Field label={strings.planPicker.plan}>
            <Select value={planKey ?? ''} onChange={(_e, d) => { setEditing(undefined); setPeriodKey(undefined); setPlanKey(d.value); }}>
              {plans ? null : planKey ? <option value={planKey}>{plan?.plan.title ?? planKey}</option> : null}
              {(plans ?? []).map((p) => {
                const key = FollowUpStore.planKey(p.organisationCode, p.year);
                return (
                  <option key={key} value={key}>
                    {p.title}
                  </option>
                );
              })}
            </Select>
          </Field>
          {plan ? (
            <Field label={strings.planPicker.period}>
              <Select value={period?.key ?? ''} onChange={(_e, d) => { setEditing(undefined); setPeriodKey(d.value); }}>
                {plan.periods.map((p) => (
                  <option key={p.key} value={p.key}>
                    {periodLabel(p, language)}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
        <div className={styles.who}>
          <Text>{strings.pickUser.signedInAs(session.displayName)}</Text>
          {props.onSwitchUser ? <Button onClick={props.onSwitchUser}>{strings.pickUser.switchUser}</Button> : null}
        </div>
      </header>
      <nav aria-label={strings.appName}>
        <TabList selectedValue={view} onTabSelect={(_e, d) => { setEditing(undefined); setView(d.value as ViewName); }}>
          <Tab value="todo">{strings.nav.todo}</Tab>
          <Tab value="plan">{strings.nav.plan}</Tab>
          <Tab value="internal-control">{strings.nav.internalControl}</Tab>
          <Tab value="overdue">{strings.nav.overdue}</Tab>
        </TabList>
      </nav>
      <div className={styles.body}>
        <main>
          {state.status === 'loading' && view !== 'overdue' ? <Spinner label={strings.loading} /> : null}
          {state.status === 'error' && view !== 'overdue' ? (
            <div role="alert">
              <Text block>{strings.errors.loadFailed(state.message)}</Text>
              <Button onClick={reload}>{strings.errors.retry}</Button>
            </div>
          ) : null}
          <Suspense fallback={<Spinner label={strings.loading} />}>
            {editing && plan && period ? editorFor(editing) : null}
            {!editing && view === 'overdue' ? <OverdueView store={session.store} upn={session.upn} asOf={choice.asOf} strings={strings} language={language} /> : null}
            {!editing && plan && period && view === 'todo' ? (
              <TodoView store={session.store} plan={plan} upn={session.upn} periodKey={period.key} strings={strings} language={language} onOpen={open} />
            ) : null}
            {!editing && plan && period && view === 'plan' ? <PlanView plan={plan} periodKey={period.key} strings={strings} language={language} onOpen={open} /> : null}
            {!editing && plan && view === 'internal-control' ? <InternalControlView plan={plan} asOf={choice.asOf} strings={strings} language={language} onOpen={open} /> : null}
          </Suspense>
        </main>
        {/* Inside Microsoft 365 the notifications go to Teams' own activity feed; the panel is the local run's window onto them. */}
        {emulatorOrigin ? (
          <ActivitySlot strings={strings}>
            <ActivityPanel strings={strings} language={language} upn={session.upn} load={loadFeed} search={window.location.search} />
          </ActivitySlot>
        ) : null}
      </div>
    </div>
  );
}
