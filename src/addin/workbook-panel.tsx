// Insert, refresh, review and send: the task pane's work, with progress and results in Swedish.
import { Button, Checkbox, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExcelHost } from './office-host';
import type { SendOutcome } from './send-changes';
import type { Session } from '../store';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';
import type { Review, SectionGroup } from './workbook-actions';
import { cutTexts } from '../excel/layout';
import { ReportPreview } from './report-preview';
import { ALL_GROUPS, insertSections, refreshAll, reviewChanges, sendReviewed, unsentEdits } from './workbook-actions';

const GROUP_LABEL: Readonly<Record<SectionGroup, string>> = {
  summary: TEXT.sectionSummary,
  goals: TEXT.sectionGoals,
  'internal-control': TEXT.sectionInternalControl,
  data: TEXT.sectionData,
};

type Notice = { readonly intent: 'success' | 'warning' | 'error' | 'info'; readonly title?: string; readonly lines: readonly string[] };

export interface WorkbookPanelProps {
  readonly host: ExcelHost;
  readonly session: Session;
  readonly planKey: string;
  readonly periodKey: string;
}

const STATUS_TEXT: Readonly<Record<SendOutcome['status'], string>> = { saved: TEXT.saved, conflict: TEXT.conflict, refused: TEXT.refused };

export function WorkbookPanel({ host, session, planKey, periodKey }: WorkbookPanelProps) {
  const styles = useTaskPaneStyles();
  const [groups, setGroups] = useState<readonly SectionGroup[]>(ALL_GROUPS);
  const [withChildren, setWithChildren] = useState(false);
  const [progress, setProgress] = useState<{ label: string; value?: number } | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [review, setReview] = useState<Review | undefined>();
  const [outcomes, setOutcomes] = useState<readonly SendOutcome[]>([]);
  const busy = progress !== undefined;
  const ready = host.inExcel && planKey !== '' && periodKey !== '';

  const work = async (label: string, task: () => Promise<void>) => {
    setProgress({ label });
    setNotice(undefined);
    try {
      await task();
    } catch (error) {
      setNotice({ intent: 'error', lines: [TEXT.error(error instanceof Error ? error.message : String(error))] });
    } finally {
      setProgress(undefined);
    }
  };

  const insert = () =>
    work(TEXT.loadingPlan, async () => {
      const started = Date.now();
      const { report, result } = await insertSections(
        host,
        session.store,
        planKey,
        periodKey,
        groups,
        (p) => setProgress({ label: TEXT.writing(p.done, p.total, p.sectionTitle), value: p.done / p.total }),
        withChildren ? session.store : undefined,
      );
      const tables = result.sections.reduce((n, s) => n + s.tables.length, 0);
      const cut = cutTexts(report);
      const lines = [TEXT.inserted(result.sections.length, tables, ((Date.now() - started) / 1000).toFixed(1).replace('.', ',')), ...(cut > 0 ? [TEXT.textsCut(cut)] : [])];
      setNotice({ intent: cut > 0 ? 'warning' : 'success', lines });
    });

  // A refresh overwrites the Data table: unsent edits are named first, and kept unless the user says otherwise.
  const [unsent, setUnsent] = useState<number | undefined>();
  const refresh = (confirmed = false) =>
    work(TEXT.loadingPlan, async () => {
      if (!confirmed) {
        const pending = await unsentEdits(host);
        if (pending > 0) return setUnsent(pending);
      }
      setUnsent(undefined);
      const result = await refreshAll(host, session.store, (p) => setProgress({ label: TEXT.writing(p.done, p.total, p.sectionTitle), value: p.done / p.total }), session.store);
      const count = result.reports.reduce((n, r) => n + r.result.sections.length, 0);
      if (count === 0 && result.missing.length === 0) return setNotice({ intent: 'info', lines: [TEXT.nothingRegistered] });
      setNotice({
        intent: result.missing.length > 0 ? 'warning' : 'success',
        lines: [TEXT.refreshed(count), ...(result.missing.length > 0 ? [TEXT.refreshMissing(result.missing.map((m) => m.sheetName).join(', '))] : [])],
      });
    });

  const startReview = () =>
    work(TEXT.loadingPlan, async () => {
      setOutcomes([]);
      const found = await reviewChanges(host, session.store, { planKey, periodKey });
      if ('problem' in found) {
        setReview(undefined);
        return setNotice({ intent: 'warning', lines: [found.problem] });
      }
      setReview(found);
      if (found.diff.changes.length === 0 && found.diff.refusals.length === 0) setNotice({ intent: 'info', lines: [TEXT.noChanges(found.diff.unchanged)] });
    });

  const send = (current: Review) =>
    work(TEXT.sending(0, current.diff.changes.length), async () => {
      const result = await sendReviewed(host, session.store, current, session.upn, (done, total) => setProgress({ label: TEXT.sending(done, total), value: done / total }));
      setOutcomes(result);
      setReview(undefined);
      const count = (status: SendOutcome['status']) => result.filter((o) => o.status === status).length;
      const refused = count('refused') + current.diff.refusals.length;
      setNotice({ intent: count('conflict') + refused > 0 ? 'warning' : 'success', title: TEXT.resultsHeading, lines: [TEXT.summary(count('saved'), count('conflict'), refused)] });
    });

  return (
    <section className={styles.row} aria-label="Arbetsboken">
      {!host.inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>{TEXT.notInExcel}</MessageBarBody>
        </MessageBar>
      )}
      {!host.inExcel && planKey !== '' && periodKey !== '' ? <ReportPreview store={session.store} planKey={planKey} periodKey={periodKey} groups={groups} /> : null}
      {/* A labelled group, not a Field: a Field hands its label to its one control. */}
      <div role="group" aria-labelledby="sections-label" className={styles.row}>
        <Text id="sections-label" weight="semibold">
          {TEXT.sections}
        </Text>
        {ALL_GROUPS.map((g) => (
          <Checkbox
            key={g}
            label={GROUP_LABEL[g]}
            checked={groups.includes(g)}
            disabled={busy}
            onChange={(_, d) => setGroups((current) => (d.checked === true ? [...current, g] : current.filter((x) => x !== g)))}
          />
        ))}
        <Checkbox label={TEXT.withChildren} checked={withChildren} disabled={busy} onChange={(_, d) => setWithChildren(d.checked === true)} />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!ready || busy || groups.length === 0} onClick={() => void insert()}>
          {TEXT.insert}
        </Button>
        <Button disabled={!host.inExcel || busy} onClick={() => void refresh(false)}>
          {TEXT.refreshAll}
        </Button>
        <Button disabled={!host.inExcel || busy} onClick={() => void startReview()}>
          {TEXT.review}
        </Button>
      </div>
      {unsent !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{TEXT.unsentBeforeRefresh(unsent)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void startReview().then(() => setUnsent(undefined))}>{TEXT.reviewFirst}</Button>
            <Button onClick={() => void refresh(true)}>{TEXT.refreshAnyway}</Button>
            <Button appearance="subtle" onClick={() => setUnsent(undefined)}>
              {TEXT.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {progress && (
        <Field validationMessage={progress.label} validationState="none">
          <ProgressBar {...(progress.value !== undefined ? { value: progress.value } : {})} aria-label={progress.label} />
        </Field>
      )}
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.lines.join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {review && (review.diff.changes.length > 0 || review.diff.refusals.length > 0) && (
        <section aria-labelledby="changes-heading" className={styles.row}>
          {review.diff.changes.length > 0 && (
            <>
              <Text as="h3" weight="semibold" id="changes-heading">
                {TEXT.changesHeading}
              </Text>
              <ul className={styles.list}>
                {review.diff.changes.map((c) => (
                  <li key={c.key} className={styles.item}>
                    <Text weight="semibold">{c.title}</Text>
                    {c.fields.map((f) => (
                      <div key={f.field}>
                        {f.label}: {TEXT.fromTo(f.from, f.to)}
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
          {review.diff.refusals.length > 0 && (
            <>
              <Text as="h3" weight="semibold">
                {TEXT.refusedHeading}
              </Text>
              <ul className={styles.list}>
                {review.diff.refusals.map((r) => (
                  <li key={`${r.row}-${r.key}`} className={styles.item}>
                    <Text weight="semibold">{r.title}</Text>: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || review.diff.changes.length === 0} onClick={() => void send(review)}>
              {TEXT.send(review.diff.changes.length)}
            </Button>
            <Button disabled={busy} onClick={() => setReview(undefined)}>
              {TEXT.cancel}
            </Button>
          </div>
        </section>
      )}
      {outcomes.length > 0 && (
        <section aria-label={TEXT.resultsHeading}>
          <ul className={styles.list}>
            {outcomes.map((o) => (
              <li key={o.change.key} className={styles.item}>
                <Text weight="semibold">{o.change.title}</Text> – {STATUS_TEXT[o.status]}
                {o.status === 'conflict' && <div>{o.message}</div>}
                {o.status === 'refused' && <div>{o.reason}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
