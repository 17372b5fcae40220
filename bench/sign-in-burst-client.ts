// Runs in its own process, in one of two parts, so neither's work shares the other's loop or
// the server's:
//   tickets URL TOKEN SERVICE… — a manager's integration issues tickets one after another
//     over a keep-alive connection until stdin closes; prints [startedAt, ms] for each.
//   burst URL — 200 wrong sign-ins for one name from one address, all at once, then 200 from
//     200 addresses for 200 names; prints when each burst began and ended, and the answers.
import { Agent, request } from 'node:http';

const [part, url, ...rest] = process.argv.slice(2);
const { hostname, port } = new URL(url);

function post(path: string, body: unknown, opts: { token?: string; localAddress?: string; agent?: Agent | false }): Promise<{ status: number; code?: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: opts.agent ?? false,
        hostname,
        port,
        path,
        method: 'POST',
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = JSON.parse(Buffer.concat(chunks).toString()).code;
          } catch {
            /* not an error body */
          }
          resolve({ status: res.statusCode ?? 0, ...(code ? { code } : {}) });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tickets(token: string, services: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let stop = false;
  process.stdin.on('end', () => (stop = true)).resume();
  const times: [number, number][] = [];
  for (let n = 0; !stop; n++) {
    const startedAt = Date.now();
    const started = performance.now();
    // Round the fields so none reaches its daily cap.
    const res = await post('/api/tickets', { serviceId: services[n % services.length] }, { token, agent });
    if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${res.code}`);
    times.push([startedAt, performance.now() - started]);
    // A ticket every 5 ms or so: a busy integration, not a load test.
    await sleep(2);
  }
  agent.destroy();
  process.stdout.write(JSON.stringify(times) + '\n');
}

const tally = (answers: { code?: string }[]) => answers.reduce<Record<string, number>>((m, a) => ((m[a.code ?? 'ok'] = (m[a.code ?? 'ok'] ?? 0) + 1), m), {});

async function burst() {
  await sleep(1500);
  const oneNameAt = Date.now();
  const oneName = tally(await Promise.all(Array.from({ length: 200 }, (_, i) => post('/api/auth/login', { username: 'admin', password: `sai-${i}` }, { localAddress: '127.0.0.9' }))));
  const oneNameEnd = Date.now();
  await sleep(1000);
  const spreadAt = Date.now();
  const spread = tally(
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => post('/api/auth/login', { username: `nguoi${i}`, password: 'sai' }, { localAddress: `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}` })),
    ),
  );
  const spreadEnd = Date.now();
  await sleep(500);
  process.stdout.write(JSON.stringify({ oneName: { at: oneNameAt, end: oneNameEnd, answers: oneName }, spread: { at: spreadAt, end: spreadEnd, answers: spread } }) + '\n');
}

if (part === 'tickets') await tickets(rest[0], rest.slice(1));
else await burst();
