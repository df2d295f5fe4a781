// Internkontrollplan: per area, each risk and its actions with status and comment.
import { actionStatusIn, riskValue } from '../core';
import { column } from './columns';
import { dateCell } from './dates';
import type { EntryIndex } from './entries';
import { EMPTY, figureCell, textCell } from './figures';
import { actionStatusMark, labelledCell } from './status-marks';
import type { InternalControlSection, ReportPlan, ReportRow } from './types';

export const INTERNAL_CONTROL_SECTION_ID = 'internkontroll';

/** The reports prefix region-wide risks and actions ("Regionövergripande: Risk att …"). */
function regionWide(prefix: string, text: string, wide: boolean | undefined): string {
  return wide ? `${prefix}: ${text}` : text;
}

export function buildInternalControlSection(plan: ReportPlan, entries: EntryIndex, periodKey: string): InternalControlSection {
  const areas = [...new Set(plan.risks.map((r) => r.area))];
  const rows = areas.flatMap((area): ReportRow[] => [
    { style: 'header', cells: { area: textCell(area) } },
    ...plan.risks
      .filter((risk) => risk.area === area)
      .flatMap((risk): ReportRow[] => {
        const riskText = regionWide('Regionövergripande', risk.title, risk.regionWide);
        const value = riskValue(risk);
        const riskCells = { area: textCell(area), risk: textCell(riskText), riskValue: value === undefined ? EMPTY : figureCell(value, String(value)) };
        const actions = plan.actions.filter((a) => a.riskRef === risk.ref);
        // A risk without actions still gets its row, so the plan reads complete.
        if (actions.length === 0) return [{ style: 'item', subject: { kind: 'risk', ref: risk.ref }, cells: riskCells }];
        return actions.map((action): ReportRow => {
          const entry = entries.get('action', action.ref, periodKey);
          return {
            style: 'item',
            subject: { kind: 'action', ref: action.ref },
            cells: {
              ...riskCells,
              action: textCell(regionWide('Regionövergripande åtgärd', action.title, action.regionWide)),
              dueDate: dateCell(action.dueDate),
              status: labelledCell(actionStatusMark(actionStatusIn(action, entry))),
              comment: textCell(entry?.comment),
            },
          };
        });
      }),
  ]);
  return {
    kind: 'internal-control',
    id: INTERNAL_CONTROL_SECTION_ID,
    title: 'Internkontrollplan',
    sheetName: 'Internkontrollplan',
    paragraphs: [{ style: 'heading', text: 'Internkontrollplan' }],
    tables: [
      {
        id: 'Internkontrollplan',
        title: 'Internkontrollplan',
        columns: [
          column('area', 'Område', 'text', 16),
          column('risk', 'Risk', 'text', 40),
          column('riskValue', 'Riskvärde', 'number', 10, { numberFormat: '0' }),
          column('action', 'Åtgärd', 'text', 44),
          column('dueDate', 'Slutdatum', 'date', 12),
          column('status', 'Status', 'symbol', 16, { align: 'left' }),
          column('comment', 'Kommentar', 'text', 70),
        ],
        rows,
      },
    ],
  };
}
