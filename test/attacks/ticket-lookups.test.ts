// A ticket id is looked up as the queue's own entry, never as a property every object has:
// "constructor", "__proto__" or "toString" names no ticket, over HTTP or a socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('ticket ids that name inherited properties', () => {
  it.each(inherited)('GET /api/tickets/%s answers 404 unknown-ticket', async (id) => {
    const res = await server.http('GET', `/api/tickets/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('unknown-ticket');
  });

  it.each(inherited)('ticket:watch and ticket:rate refuse %s as an unknown ticket', async (id) => {
    const { socket } = await server.client();
    expect(await socket.emitWithAck('ticket:watch', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'unknown-ticket' } });
    expect(await socket.emitWithAck('ticket:rate', { ticketId: id, score: 3 })).toMatchObject({ ok: false, error: { code: 'unknown-ticket' } });
    socket.close();
  });
});
