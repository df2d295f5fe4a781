// The task pane: configuration, sign-in, the plan and period, then the workbook's work.
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { AppConfig } from '../auth';
import type { Organisation, Plan } from '../core';
import { calendarDate, openPeriod, planKey } from '../core';
import type { ExcelHost } from './office-host';
import type { PlanChoice } from './plan-picker';
import { PlanChoicePicker } from './plan-picker';
import type { AddinServices } from './services';
import type { Session } from '../store';
import { SignIn } from './sign-in';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';
import { WorkbookPanel } from './workbook-panel';

export interface TaskPaneProps {
  readonly host: ExcelHost;
  readonly services: AddinServices;
}

const NO_CHOICE: PlanChoice = { planKey: '', periodKey: '' };

export function TaskPane({ host, services }: TaskPaneProps) {
  const styles = useTaskPaneStyles();
  const [config, setConfig] = useState<AppConfig | undefined>();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [session, setSession] = useState<Session | undefined>();
  const [plans, setPlans] = useState<readonly Plan[]>([]);
  const [organisations, setOrganisations] = useState<readonly Organisation[]>([]);
  const [periodKeys, setPeriodKeys] = useState<readonly string[]>([]);
  const [choice, setChoice] = useState<PlanChoice>(NO_CHOICE);
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const onError = useCallback((message: string) => setError(message), []);

  useEffect(() => {
    services.loadConfig().then(
      (result) => (result.ok ? setConfig(result.config) : setProblems(result.problems)),
      (e: unknown) => setProblems([e instanceof Error ? e.message : String(e)]),
    );
  }, [services]);

  useEffect(() => {
    if (!session) return;
    session.store.listPlans().then(setPlans, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // Names only: without them the picker shows codes, which still works.
    session.store.organisations().then(setOrganisations, () => undefined);
  }, [session]);

  useEffect(() => {
    if (!session || choice.planKey === '') return setPeriodKeys([]);
    setLoading(true);
    session.store
      .loadPlan(choice.planKey)
      .then(
        (plan) => {
          const periods = plan.periods.filter((p) => p.year === plan.plan.year);
          setPeriodKeys(periods.map((p) => p.key));
          // The period people report in now is the likely choice.
          const open = openPeriod(periods, calendarDate(new Date()));
          setChoice((c) => (c.planKey === planKey(plan.plan.organisationCode, plan.plan.year) && c.periodKey === '' && open ? { ...c, periodKey: open.key } : c));
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setLoading(false));
  }, [session, choice.planKey]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          {TEXT.appTitle}
        </Text>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{TEXT.error(error)}</MessageBarBody>
          </MessageBar>
        )}
        {problems.length > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>
              {TEXT.configProblems} {problems.join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        {!config && problems.length === 0 && <Spinner label={TEXT.loadingConfig} />}
        {config && !session && (
          <SignIn
            config={config}
            services={services}
            onError={onError}
            onSignedIn={(s) => {
              setError(undefined);
              setSession(s);
            }}
          />
        )}
        {session && (
          <>
            <Text>{TEXT.signedInAs(session.displayName || session.upn)}</Text>
            <Button
              appearance="subtle"
              onClick={() => {
                setSession(undefined);
                setChoice(NO_CHOICE);
              }}
            >
              {TEXT.signOut}
            </Button>
            <PlanChoicePicker
              plans={plans}
              organisationName={(code) => organisations.find((o) => o.code === code)?.name}
              periodKeys={periodKeys}
              choice={choice}
              onChange={setChoice}
              disabled={loading}
            />
            {loading && <Spinner size="tiny" label={TEXT.loadingPlan} />}
            <WorkbookPanel host={host} session={session} planKey={choice.planKey} periodKey={choice.periodKey} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
