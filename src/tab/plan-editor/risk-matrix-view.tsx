// The internal-control plan's 4 × 4 risk matrix: sannolikhet (rows, 4 at the top) by konsekvens
// (columns), each cell with its risk value and the risks in it by number; the numbers are listed
// with their titles below, so a phone's narrow cells never have to hold a whole title.
import { Subtitle2, Text } from '@fluentui/react-components';
import { mergeClasses } from '@fluentui/react-components';
import type { Risk } from '../../core';
import { RISK_SCALE, riskMatrix } from '../../core';
import type { Strings } from '../../ui';
import { usePlanEditorStyles } from './plan-editor.styles';

export function RiskMatrixView({ risks, strings }: { readonly risks: ReadonlyArray<Risk & { readonly ref: string }>; readonly strings: Strings }) {
  const styles = usePlanEditorStyles();
  const s = strings.planEditor.matrix;
  const current = risks.filter((r) => !r.archived);
  const numberOf = new Map(current.map((r, i) => [r.ref, i + 1]));
  const matrix = riskMatrix(current);
  const band = (value: number) => (value >= 9 ? styles.high : value >= 4 ? styles.medium : styles.low);
  return (
    <div className={styles.section} data-testid="risk-matrix">
      <Subtitle2 as="h4" id="risk-matrix-heading">
        {s.title}
      </Subtitle2>
      <table className={styles.matrix} aria-labelledby="risk-matrix-heading">
        <caption className={styles.muted}>{s.caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={RISK_SCALE.length}>
              {s.consequence}
            </th>
          </tr>
          <tr>
            <th scope="col">{s.probability}</th>
            {RISK_SCALE.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row[0]?.probability}>
              <th scope="row">{row[0]?.probability}</th>
              {row.map((cell) => (
                <td key={cell.consequence} className={mergeClasses(cell.risks.length > 0 ? band(cell.value) : undefined)} data-cell={`${cell.probability}x${cell.consequence}`}>
                  <div className={styles.matrixCell}>
                    {/* The number alone fits a phone's cell; a screen reader hears "Riskvärde 12". */}
                    <span className={styles.matrixValue}>
                      <span className={styles.visuallyHidden}>{s.value(cell.value)}</span>
                      <span aria-hidden="true">{cell.value}</span>
                    </span>
                    {cell.risks.length > 0 ? <span>{cell.risks.map((r) => `${strings.planEditor.kind.risk} ${numberOf.get(r.ref) ?? ''}`).join(', ')}</span> : null}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ol>
        {current.map((r) => (
          <li key={r.ref}>{r.title}</li>
        ))}
      </ol>
      {matrix.unrated.length > 0 ? (
        <Text block className={styles.muted}>
          {s.unrated}: {matrix.unrated.map((r) => `${strings.planEditor.kind.risk} ${numberOf.get(r.ref) ?? ''}`).join(', ')}
        </Text>
      ) : null}
    </div>
  );
}
