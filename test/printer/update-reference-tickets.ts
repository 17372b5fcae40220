// Regenerates the reference ticket images (see reference-tickets.ts for when and how).
import { mkdir, writeFile } from 'node:fs/promises';
import { bitmapToPng } from '../../server/devices/printer/bitmap';
import { layoutTicket } from '../../server/devices/printer/ticket-layout';
import { paintTicket } from '../../server/devices/printer/ticket-preview';
import { REFERENCE_DIR, referencePngPath } from './reference-tickets';
import { sampleTicketJobs } from './ticket-fixtures';

await mkdir(REFERENCE_DIR, { recursive: true });
for (const width of [576, 384] as const) {
  for (const { name, job } of sampleTicketJobs(width)) {
    await writeFile(referencePngPath(name), bitmapToPng(paintTicket(layoutTicket(job))));
    console.log(referencePngPath(name));
  }
}
