// The official report, printable on A4 as the centres' own reports are laid out: the same
// document the .docx holds (server/reports/official-document.ts), drawn as a page.
import type { CentreConfig } from '@protocol/config';
import { documentCell, officialDocument, type DocumentTable } from '@protocol/official-document';
import type { Report } from '@protocol/reports';
import { useApi } from '../api-client';
import { href } from '../hash-route';
import { reportTexts as t } from '../texts';

function DocTable(props: { table: DocumentTable }) {
  const { columns, rows, totalRow } = props.table;
  const numeric = columns.map((c) => c.kind !== 'text');
  return (
    <table class="doc-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, i) => (
              <td key={i} class={numeric[i] ? 'num' : undefined}>
                {documentCell(v, columns[i].kind)}
              </td>
            ))}
          </tr>
        ))}
        <tr class="total">
          {totalRow.map((v, i) => (
            <td key={i} class={numeric[i] ? 'num' : undefined}>
              {documentCell(v, columns[i].kind)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function OfficialPage(props: { report: Report; config: CentreConfig }) {
  const d = officialDocument(props.report, props.config);
  const client = useApi();
  const { from, to } = props.report;
  return (
    <div class="official-wrap">
      <div class="official-toolbar no-print">
        <a class="button secondary" href={href('bao-cao', from, to)}>
          ← {t.backToReport}
        </a>
        <button type="button" class="primary" data-action="print-official" onClick={() => window.print()}>
          {t.printOfficial}
        </button>
        <button type="button" class="secondary" onClick={() => void client.download('reports:docx', { from, to }, `bao-cao-${from}-den-${to}.docx`)}>
          {t.exportDocx}
        </button>
        <span class="hint">{t.officialHint}</span>
      </div>
      <article class="official-page" data-official-page>
        <header class="doc-heading">
          <div class="doc-issuer">
            {d.parentBody && <div>{d.parentBody}</div>}
            <div class="doc-bold doc-underlined">{d.issuer}</div>
            <div class="doc-number">{d.number}</div>
          </div>
          <div class="doc-nation">
            <div class="doc-bold">{d.nation}</div>
            <div class="doc-bold doc-underlined doc-motto">{d.motto}</div>
            <div class="doc-date">{d.placeAndDate}</div>
          </div>
        </header>
        <h1 class="doc-title">{d.title}</h1>
        <div class="doc-subtitle">{d.subtitle}</div>
        <div class="doc-period" data-doc-period>
          {d.period}
        </div>
        {d.parts.map((part) => (
          <section key={part.heading} class="doc-part">
            <h2>{part.heading}</h2>
            {part.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {part.table && <DocTable table={part.table} />}
            {part.note && <p class="doc-note">{part.note}</p>}
          </section>
        ))}
        <footer class="doc-signature">
          <div class="doc-recipients">
            <div class="doc-recipients-head">Nơi nhận:</div>
            {d.recipients.map((r) => (
              <div key={r}>- {r}</div>
            ))}
          </div>
          <div class="doc-signer">
            <div class="doc-bold">{d.signerTitle}</div>
            <div class="doc-sign-space" />
            <div class="doc-bold" data-signer-name>
              {d.signerName}
            </div>
          </div>
        </footer>
      </article>
    </div>
  );
}
