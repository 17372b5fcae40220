// Runs in its own process: 16 integration clients (keep-alive HTTP, as the one-stop-shop
// software would call POST /api/tickets) issuing as fast as the server acknowledges, so
// the clients' own work does not share the server's event loop. node:http with a
// keep-alive agent costs the client far less than fetch, which would cap the rate itself.
import { Agent, request } from 'node:http';

const [url, token, seconds, clients, ...services] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: Number(clients) });
const { hostname, port } = new URL(url);

function issue(serviceId: string): Promise<number> {
  const body = JSON.stringify({ serviceId });
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, hostname, port, path: '/api/tickets', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const deadline = performance.now() + Number(seconds) * 1000;
const started = performance.now();
let total = 0;
let refused = 0;
await Promise.all(
  Array.from({ length: Number(clients) }, async (_, i) => {
    while (performance.now() < deadline) {
      if ((await issue(services[i % services.length])) === 201) total++;
      else refused++;
    }
  }),
);
const elapsed = performance.now() - started;
agent.destroy();
process.stdout.write(JSON.stringify({ total, refused, elapsed }) + '\n');
