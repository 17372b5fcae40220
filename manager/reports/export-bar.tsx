// The period as files: the workbook, the official report in Word, one CSV table, or the
// official page to print on A4.
import { useState } from 'preact/hooks';
import type { ExportTable } from '@protocol/reports';
import { useApi } from '../api-client';
import { href } from '../hash-route';
import { reportTexts as t } from '../texts';

const CSV_TABLES = Object.keys(t.csvTables) as ExportTable[];

export function ExportBar(props: { from: string; to: string }) {
  const client = useApi();
  const [table, setTable] = useState<ExportTable>('summary');
  const [failed, setFailed] = useState(false);
  const name = `bao-cao-${props.from}-den-${props.to}`;

  const range = { from: props.from, to: props.to };

  return (
    <div class="export-bar no-print">
      <a class="button primary" data-action="official-page" href={href('bao-cao', props.from, props.to, 'van-ban')}>
        {t.officialPage}
      </a>
      <button type="button" class="secondary" data-action="export-docx" onClick={async () => setFailed(!(await client.download('reports:docx', range, `${name}.docx`)))}>
        {t.exportDocx}
      </button>
      <button type="button" class="secondary" data-action="export-xlsx" onClick={async () => setFailed(!(await client.download('reports:xlsx', range, `${name}.xlsx`)))}>
        {t.exportXlsx}
      </button>
      <span class="csv-export">
        <label>
          <span class="sr-only">{t.csvTable}</span>
          <select value={table} onChange={(e) => setTable(e.currentTarget.value as ExportTable)} aria-label={t.csvTable}>
            {CSV_TABLES.map((k) => (
              <option key={k} value={k}>
                {t.csvTables[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary" data-action="export-csv" onClick={async () => setFailed(!(await client.download('reports:csv', { ...range, breakdown: table }, `${name}-${table}.csv`)))}>
          {t.exportCsv}
        </button>
      </span>
      <button type="button" class="secondary" data-action="print" onClick={() => window.print()}>
        {t.print}
      </button>
      <p class="hint csv-note">{t.csvNote}</p>
      {failed && <span class="error">{t.downloadFailed}</span>}
    </div>
  );
}
