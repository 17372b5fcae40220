// The floor for durable ticket issues (issue 14): a bare node:http server on the same machine,
// in the same process as the project's server is in the bench, that does only what a durable
// issue cannot skip: read the JSON body, append one line per request and fdatasync it with
// group commit (every line waiting while a sync runs goes in the next one), then answer 201
// with a small JSON body. No validation, no permission check, no queue, no events.
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface DurableFloor {
  url: string;
  close(): Promise<void>;
}

export async function startDurableFloor(dir: string): Promise<DurableFloor> {
  const file = await open(join(dir, 'floor-journal.ndjson'), 'a');
  let waiting: { line: string; res: ServerResponse }[] = [];
  let syncing = false;
  let seq = 0;
  const commit = async () => {
    if (syncing || waiting.length === 0) return;
    syncing = true;
    const batch = waiting;
    waiting = [];
    await file.write(batch.map((w) => w.line).join(''));
    await file.datasync();
    for (const w of batch) {
      const body = `{"id":"${w.line.length}-${++seq}"}`;
      w.res.writeHead(201, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    }
    syncing = false;
    void commit();
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { serviceId: string };
      waiting.push({ line: JSON.stringify({ at: Date.now(), serviceId: body.serviceId }) + '\n', res });
      void commit();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await file.close();
    },
  };
}
