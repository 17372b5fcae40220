// The official report as a Word document (npm docx), laid out as the centres' own: A4,
// Times New Roman, margins of Nghị định 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm,
// right 15 mm), the two-column heading, the parts with their tables and the signature.
// Managers fill in the number and sign it; the text is theirs to edit.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions } from 'docx';
import type { CentreConfig } from '@protocol/config';
import { documentCell, officialDocument, type DocumentTable } from '@protocol/official-document';
import type { Report } from '@protocol/reports';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const BODY_SIZE = 26; // half-points: 13 pt
const TABLE_SIZE = 22; // 11 pt

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? BODY_SIZE, bold: opts.bold, italics: opts.italics, ...(opts.underline ? { underline: {} } : {}) });

const centred = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Two columns without borders: the heading and the signature block are laid out this way. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 40): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftShare, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }),
          new TableCell({ width: { size: 100 - leftShare, type: WidthType.PERCENTAGE }, borders: noBorders, children: right }),
        ],
      }),
    ],
  });
}

function dataTable(table: DocumentTable): Table {
  const cell = (text: string, opts: { bold?: boolean; right?: boolean }) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: line, bottom: line, left: line, right: line },
      children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { bold: opts.bold, size: TABLE_SIZE })] })],
    });
  const numeric = table.columns.map((c) => c.kind !== 'text');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.header, { bold: true })) }),
      ...table.rows.map((row) => new TableRow({ children: row.map((v, i) => cell(documentCell(v, table.columns[i].kind), { right: numeric[i] })) })),
      new TableRow({ children: table.totalRow.map((v, i) => cell(documentCell(v, table.columns[i].kind), { bold: true, right: numeric[i] })) }),
    ],
  });
}

export async function reportDocx(report: Report, config: Pick<CentreConfig, 'officialReport' | 'centre'>): Promise<Buffer> {
  const d = officialDocument(report, config);
  const heading = twoColumns(
    [
      ...(d.parentBody ? [centred([run(d.parentBody, { size: 24 })])] : []),
      centred([run(d.issuer, { bold: true, size: 24 })], 120),
      centred([run(d.number)]),
    ],
    [
      centred([run(d.nation, { bold: true, size: 24 })]),
      centred([run(d.motto, { bold: true, underline: true })], 240),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.placeAndDate, { italics: true })] }),
    ],
  );
  const body: (Paragraph | Table)[] = [];
  for (const part of d.parts) {
    body.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(part.heading, { bold: true })] }));
    for (const text of part.paragraphs) {
      body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { after: 100, line: 312 }, children: [run(text)] }));
    }
    if (part.table) body.push(dataTable(part.table));
    if (part.note) body.push(new Paragraph({ spacing: { before: 60 }, children: [run(part.note, { italics: true, size: TABLE_SIZE })] }));
  }
  const signature = twoColumns(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
      ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
    ],
    [centred([run(d.signerTitle, { bold: true })], 1400), centred([run(d.signerName, { bold: true })])],
    50,
  );
  const doc = new Document({
    creator: report.centreName,
    title: `${d.title} ${d.period}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
          },
        },
        children: [
          heading,
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          centred([run(d.title, { bold: true, size: 28 })]),
          centred([run(d.subtitle, { bold: true })]),
          centred([run(d.period, { italics: true })], 240),
          ...body,
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
