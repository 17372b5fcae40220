// Runs in its own process: one integration client issuing a ticket every `every` ms (keep-alive
// node:http, one at a time), as a kiosk and the staff do through a busy morning, and printing
// each answer's latency, so the bench sees what a single ticket waits while other work runs.
import { Agent, request, type ClientRequest } from 'node:http';

const [url, token, seconds, every, ...services] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const { hostname, port } = new URL(url);

function issue(serviceId: string): Promise<number> {
  const body = JSON.stringify({ serviceId });
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(
      { agent, hostname, port, path: '/api/tickets', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    // A kept-alive socket the server closed as idle just as this was sent: send it again (Node's
    // documented reusedSocket case); any other error ends the run.
    req.on('error', (err: NodeJS.ErrnoException) => (req.reusedSocket && err.code === 'ECONNRESET' ? issue(serviceId).then(resolve, reject) : reject(err)));
    req.end(body);
  });
}

const latencies: number[] = [];
let refused = 0;
const deadline = performance.now() + Number(seconds) * 1000;
for (let i = 0; performance.now() < deadline; i++) {
  const started = performance.now();
  if ((await issue(services[i % services.length])) === 201) latencies.push(performance.now() - started);
  else refused++;
  const rest = Number(every) - (performance.now() - started);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
}
agent.destroy();
process.stdout.write(JSON.stringify({ latencies, refused }) + '\n');
