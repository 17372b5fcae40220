// A report table exactly as the exports lay it out (server/reports/report-tables.ts): the
// same columns, rows and total row as the .xlsx sheet and the CSV, in Vietnamese numbers.
import type { Cell, CellKind, Table } from '@protocol/report-tables';
import { count, percentText, viDay } from '../format';

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function cellText(value: Cell, kind: CellKind): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? viDay(value) : value;
  if (kind === 'minutes') return oneDecimal.format(value);
  if (kind === 'percent') return percentText(value);
  return count(value);
}

export function ReportTable(props: { table: Table; caption?: string }) {
  const { table } = props;
  const numeric = table.columns.map((c) => c.kind !== 'text');
  return (
    <div class="table-scroll">
      <table class="data-table figures" data-table={table.name}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} class={numeric[i] ? 'num' : undefined} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, i) => (
                <td key={i} class={numeric[i] ? 'num' : undefined} data-col={table.columns[i].header}>
                  {cellText(v, table.columns[i].kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            {table.totalRow.map((v, i) => (
              <th key={i} class={numeric[i] ? 'num' : undefined} data-col={table.columns[i].header}>
                {v === null ? '' : cellText(v, table.columns[i].kind)}
              </th>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
