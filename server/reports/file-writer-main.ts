// Writes one report file, a workbook or a Word document, in a process of its own that exits
// when the file is written. exceljs builds a year's workbook out of hundreds of MB of objects:
// in the reports' thread, the server's memory rose past 700 MB and, after that thread was
// gone, still held 15 to 50 MB more than before (what malloc kept); a process gives all of it
// back as it exits. The report comes as its JSON, built by the reports' thread; this process
// reads no data folder.
import type { CentreConfig } from '@protocol/config';
import type { Report } from '@protocol/reports';

export interface FileRequest {
  kind: 'xlsx' | 'docx';
  /** The report as UTF-8 JSON, every dossier code listed. */
  report: Uint8Array;
  config: CentreConfig;
}

export type FileReply = { bytes: Uint8Array } | { error: string };

async function fileBytes(request: FileRequest): Promise<Uint8Array> {
  const report = JSON.parse(Buffer.from(request.report).toString('utf8')) as Report;
  if (request.kind === 'xlsx') {
    const { reportXlsx } = await import('./export-xlsx');
    return reportXlsx(report);
  }
  const { reportDocx } = await import('./export-docx');
  return reportDocx(report, request.config);
}

// The process's main module: one request over IPC, one reply, then it exits.
process.once('message', (request: FileRequest) => {
  fileBytes(request).then(
    (bytes): FileReply => ({ bytes }),
    (err: unknown): FileReply => ({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  ).then((reply) => process.send!(reply, () => process.disconnect()));
});
