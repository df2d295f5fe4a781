// Outside Excel (a browser, a test), the task pane shows what it would insert: each chosen
// section's title and the first rows of its tables, so the choices can be checked before opening
// the workbook.
import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Report, ReportSection } from '../report';
import type { FollowUpStore } from '../store';
import type { SectionGroup } from './workbook-actions';
import { groupOf, loadReport } from './workbook-actions';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';

const ROWS_SHOWN = 5;

export interface ReportPreviewProps {
  readonly store: Pick<FollowUpStore, 'loadPlan' | 'people'>;
  readonly planKey: string;
  readonly periodKey: string;
  readonly groups: readonly SectionGroup[];
}

function SectionPreview({ section }: { section: ReportSection }) {
  const styles = useTaskPaneStyles();
  const table = section.tables[0];
  return (
    <div className={styles.row}>
      <Text weight="semibold">{section.title}</Text>
      {table ? (
        <div className={styles.preview}>
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, ROWS_SHOWN).map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c) => (
                    <td key={c.key}>{row.cells[c.key]?.text ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.rows.length > ROWS_SHOWN ? <Text size={200}>{TEXT.previewMore(table.rows.length - ROWS_SHOWN)}</Text> : null}
        </div>
      ) : null}
    </div>
  );
}

export function ReportPreview({ store, planKey, periodKey, groups }: ReportPreviewProps) {
  const [report, setReport] = useState<Report | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setReport(undefined);
    loadReport(store, planKey, periodKey).then(
      (loaded) => live && setReport(loaded.report),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [store, planKey, periodKey]);
  if (failed) return <Text role="alert">{TEXT.error(failed)}</Text>;
  if (!report) return <Spinner size="tiny" label={TEXT.loadingPlan} />;
  return (
    <section aria-label={TEXT.previewHeading}>
      <Text as="h2" weight="semibold">
        {TEXT.previewHeading}
      </Text>
      {report.sections
        .filter((s) => groups.includes(groupOf(s)))
        .map((s) => (
          <SectionPreview key={s.id} section={s} />
        ))}
    </section>
  );
}
