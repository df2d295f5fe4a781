// The signed-in app: plan and period pickers, the four views, the editor, the Aktivitet slot.
// Att göra is in the first bundle; the other views and the editor load when first opened.
import { Button, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Plan } from '../core';
import { isController, openPeriod, planKey as planKeyOf } from '../core';
import type { Stored } from '../store';
import { searchPeople } from '../store';
import type { Strings, UiLanguage } from '../ui';
import { PeriodPicker, PlanPicker } from '../ui';
import { activityOrigin, loadActivity } from './data/activity-feed';
import type { ViewName } from './data/link-target';
import { readAddress, searchFor } from './data/address';
import { editorInputFor } from './data/editor-input';
import { openingOf } from './data/link-target';
import type { Choice } from './data/plan-choice';
import { firstPlanFor, rememberPlan } from './data/plan-choice';
import type { Session } from './data/session';
import { usePlan } from './data/use-plan';
import { visiblePlans } from './data/visible-plans';
import { DelegatesPanel } from './views/delegates-panel';
import { ActivityPanel } from './views/activity-panel';
import { ActivitySlot } from './views/activity-slot';
import { useTreeAccess } from './views/children-view-data';
import type { OpenTarget } from './views/item-link';
import { PeriodLock } from './views/period-lock';
import { TodoView } from './views/todo-view';
import { useWorkspaceStyles } from './workspace.styles';

const PlanView = lazy(() => import('./views/plan-view').then((m) => ({ default: m.PlanView })));
const InternalControlView = lazy(() => import('./views/internal-control-view').then((m) => ({ default: m.InternalControlView })));
const OverdueView = lazy(() => import('./views/overdue-view').then((m) => ({ default: m.OverdueView })));
const RoundView = lazy(() => import('./views/round-view').then((m) => ({ default: m.RoundView })));
const EntryEditor = lazy(() => import('./editor/entry-editor').then((m) => ({ default: m.EntryEditor })));
const PlanEditorView = lazy(() => import('./plan-editor/plan-editor-view').then((m) => ({ default: m.PlanEditorView })));
const ChildrenView = lazy(() => import('./views/children-view').then((m) => ({ default: m.ChildrenView })));
const RegionOverview = lazy(() => import('./views/children-view-region').then((m) => ({ default: m.RegionOverview })));


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
  // A Teams deep link (subPageId) wins over the address, which wins over what was chosen last time.
  const linked = openingOf(props.subPageId);
  const opening = props.subPageId ? linked : readAddress(window.location.search);
  const [session, setSession] = useState(props.session);
  const [planKey, setPlanKey] = useState<string | undefined>(opening.planKey ?? choice.planKey);
  const [plans, setPlans] = useState<Array<Stored<Plan>> | undefined>();
  const [view, setView] = useState<ViewName>(props.initialView ?? opening.view ?? 'todo');
  const [editing, setEditing] = useState<OpenTarget | undefined>(opening.editing);
  const [periodKey, setPeriodKey] = useState<string | undefined>(opening.periodKey ?? choice.periodKey);
  // Att göra's "only what is not klar", as a reminder's link opens it; kept in the address.
  const [notDone, setNotDone] = useState(opening.filter === 'not-done');
  const { state, reload, applySaved, reloadInPlace } = usePlan(session, planKey, setSession);

  // The plan list is only for the picker (and for choosing a plan when none is known): loaded after
  // Att göra when a plan is known, so it never delays the first view.
  const planLoading = state.status === 'loading';
  useEffect(() => {
    if (planKey && planLoading) return;
    let live = true;
    session.store
      .listPlans()
      .then((listed) => visiblePlans(session.store, session.upn, listed))
      .then(
        async (found) => {
          if (!live) return;
          setPlans(found);
          if (!planKey) {
            const withWork = await session.store.plansWithWorkFor(session.upn).catch(() => new Set<string>());
            const first = firstPlanFor(found, withWork);
            if (live && first) setPlanKey(planKeyOf(first.organisationCode, first.year));
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
  // Uppföljningsläge is for the plan's controllers (the write API decides what they may do; this only shows the tab).
  const controller = plan !== undefined && isController(session.upn, { controllers: plan.organisation.controllerUpns ?? [] });
  // Underliggande for a parent's controllers and manager, Regionen for the region's controllers.
  const treeViews = useTreeAccess(plan, session.upn);

  // "Spara och nästa" follows the order of the view the editor was opened from.
  const nextAfter = (target: OpenTarget): OpenTarget | undefined => {
    if (!plan || !period) return undefined;
    const order: OpenTarget[] =
      view === 'todo'
        ? session.store.myWork(plan, session.upn, period.key).map((w) => ({ kind: w.kind, ref: w.ref }))
        : view === 'internal-control'
          ? plan.actions.filter((a) => a.riskRef !== undefined).map((a) => ({ kind: 'action' as const, ref: a.ref }))
          : plan.goals.flatMap((g) => [
              { kind: 'goal' as const, ref: g.ref },
              ...plan.indicators.filter((i) => i.goalRef === g.ref).map((i) => ({ kind: 'indicator' as const, ref: i.ref })),
              ...plan.assignments.filter((a) => a.goalRef === g.ref).map((a) => ({ kind: 'assignment' as const, ref: a.ref })),
            ]);
    const at = order.findIndex((t) => t.kind === target.kind && t.ref === target.ref);
    return at >= 0 ? order[at + 1] : undefined;
  };

  const editorFor = (target: OpenTarget) => {
    const input = plan && period ? editorInputFor(plan, target, period) : undefined;
    if (!plan || !period || !input) return null;
    return (
      <EntryEditor
        key={`${input.subject.kind}:${input.subject.ref}:${period.key}`}
        store={session.store}
        plan={plan}
        periodKey={period.key}
        upn={session.upn}
        {...input}
        asOf={choice.asOf}
        round={session.writeApi}
        onNext={nextAfter(target) ? () => setEditing(nextAfter(target)) : undefined}
        strings={strings}
        language={language}
        onSaved={applySaved}
        onClose={() => setEditing(undefined)}
      />
    );
  };

  const open = (target: OpenTarget) => setEditing(target);

  // Redigera plan: owners found in the directory by name; after a write the plan (and its status in the picker) is read again.
  const findPeople = useCallback((text: string) => searchPeople(session.store, text), [session]);
  const afterPlanEdit = useCallback(async () => {
    const fresh = await reloadInPlace();
    if (fresh) setPlans((old) => old?.map((p) => (p.itemId === fresh.plan.itemId ? fresh.plan : p)));
  }, [reloadInPlace]);

  // The state in the address: a new entry for a view or an item, so Back returns; a replacement otherwise.
  const shownPeriod = period?.key;
  const lastPushed = useRef<string>('');
  useEffect(() => {
    const address = { ...(planKey ? { planKey } : {}), ...(shownPeriod ? { periodKey: shownPeriod } : {}), view, ...(editing ? { editing } : {}), ...(notDone ? { filter: 'not-done' as const } : {}) };
    const search = searchFor(address, window.location.search);
    if (search === window.location.search) return;
    const step = `${view}|${editing ? `${editing.kind}:${editing.ref}` : ''}`;
    if (lastPushed.current !== '' && lastPushed.current !== step) window.history.pushState(null, '', `${window.location.pathname}${search}`);
    else window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    lastPushed.current = step;
  }, [planKey, shownPeriod, view, editing, notDone]);
  useEffect(() => {
    const restore = () => {
      const address = readAddress(window.location.search);
      lastPushed.current = `${address.view ?? 'todo'}|${address.editing ? `${address.editing.kind}:${address.editing.ref}` : ''}`;
      setView(address.view ?? 'todo');
      setEditing(address.editing);
      setNotDone(address.filter === 'not-done');
      if (address.planKey) setPlanKey(address.planKey);
      if (address.periodKey) setPeriodKey(address.periodKey);
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  // Closing the editor puts focus back on the item it was opened from.
  const lastEdited = useRef<OpenTarget | undefined>(undefined);
  useEffect(() => {
    if (editing) {
      lastEdited.current = editing;
      return;
    }
    const from = lastEdited.current;
    if (!from) return;
    const target = document.querySelector<HTMLElement>(`[data-open="${CSS.escape(`${from.kind}:${from.ref}`)}"]`);
    target?.focus();
  }, [editing, view, state.status]);

  // Only the emulator records notifications; in a tenant the slot keeps its placeholder.
  const emulatorOrigin = activityOrigin(session.config);
  const loadFeed = useCallback((recipientUpn?: string) => loadActivity(emulatorOrigin ?? '', recipientUpn), [emulatorOrigin]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.pickers}>
          {view === 'overdue' ? null : (
          <PlanPicker
            label={strings.planPicker.plan}
            plans={plans ?? (plan ? [plan.plan] : [])}
            organisationName={(code) => (plan?.organisation.code === code ? plan.organisation.name : undefined)}
            value={planKey ?? ''}
            onChange={(key) => {
              setEditing(undefined);
              setPeriodKey(undefined);
              setPlanKey(key);
            }}
          />
          )}
          {plan && view !== 'overdue' ? (
            <PeriodPicker
              label={strings.planPicker.period}
              periods={plan.periods}
              language={language}
              value={period?.key ?? ''}
              onChange={(key) => {
                setEditing(undefined);
                setPeriodKey(key);
              }}
            />
          ) : null}
        </div>
        <div className={styles.who}>
          <Text>{strings.pickUser.signedInAs(session.displayName)}</Text>
          {props.onSwitchUser ? <Button onClick={props.onSwitchUser}>{strings.pickUser.switchUser}</Button> : null}
        </div>
        {/* Not while editing: a lock reloads the plan, which would close the form under the typing. */}
        {!editing && plan && period && view !== 'overdue' ? (
          <PeriodLock plan={plan} periodKey={period.key} upn={session.upn} writer={session.writeApi} people={session.store} strings={strings} language={language} onChanged={reload} />
        ) : null}
      </header>
      <nav aria-label={strings.appName}>
        <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_e, d) => { setEditing(undefined); setView(d.value as ViewName); }}>
          <Tab value="todo">{strings.nav.todo}</Tab>
          <Tab value="plan">{strings.nav.plan}</Tab>
          <Tab value="internal-control">{strings.nav.internalControl}</Tab>
          <Tab value="overdue">{strings.nav.overdue}</Tab>
          {controller ? <Tab value="round">{strings.nav.round}</Tab> : null}
          {controller ? <Tab value="plan-edit">{strings.planEditor.nav}</Tab> : null}
          {treeViews.children ? <Tab value="children">{strings.children.nav}</Tab> : null}
          {treeViews.region ? <Tab value="region">{strings.region.nav}</Tab> : null}
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
              <TodoView store={session.store} plan={plan} upn={session.upn} periodKey={period.key} asOf={choice.asOf} strings={strings} language={language} onOpen={open} notDone={notDone} onNotDoneChange={setNotDone} />
            ) : null}
            {!editing && view === 'todo' && session.writeApi ? <DelegatesPanel strings={strings} upn={session.upn} api={session.writeApi} search={findPeople} people={session.store} /> : null}
            {!editing && plan && period && view === 'plan' ? <PlanView plan={plan} periodKey={period.key} strings={strings} language={language} onOpen={open} /> : null}
            {!editing && plan && period && view === 'internal-control' ? <InternalControlView plan={plan} periodKey={period.key} asOf={choice.asOf} strings={strings} language={language} onOpen={open} /> : null}
            {!editing && plan && period && view === 'round' && controller ? (
              <RoundView store={session.store} plan={plan} periodKey={period.key} asOf={choice.asOf} strings={strings} language={language} onOpen={open} {...(session.writeApi ? { remind: (upns: readonly string[]) => session.writeApi?.remindNow(plan, period.key, upns) ?? Promise.resolve([]) } : {})} />
            ) : null}
            {!editing && plan && view === 'plan-edit' && controller ? (
              <PlanEditorView plan={plan} upn={session.upn} writes={session.writeApi} search={findPeople} people={session.store} strings={strings} language={language} onChanged={afterPlanEdit} />
            ) : null}
            {!editing && plan && period && view === 'children' && treeViews.children ? <ChildrenView store={session.store} plan={plan} periodKey={period.key} upn={session.upn} writer={session.writeApi} strings={strings} language={language} /> : null}
            {!editing && plan && period && view === 'region' && treeViews.region ? <RegionOverview store={session.store} year={plan.plan.year} periodKey={period.key} strings={strings} language={language} /> : null}
          </Suspense>
        </main>
        {/* Inside Microsoft 365 the notifications go to Teams' own activity feed; the panel is the local run's window onto them. */}
        {emulatorOrigin ? (
          <ActivitySlot strings={strings}>
            <ActivityPanel strings={strings} language={language} upn={session.upn} load={loadFeed} search={window.location.search} people={session.store} />
          </ActivitySlot>
        ) : null}
      </div>
    </div>
  );
}
