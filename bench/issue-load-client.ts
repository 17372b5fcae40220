// Runs in its own process: 16 integration clients (keep-alive HTTP, as the one-stop-shop
// software would call POST /api/tickets) issuing as fast as the server acknowledges, so
// the clients' own work does not share the server's event loop.
const [url, token, seconds, clients, ...services] = process.argv.slice(2);
const deadline = performance.now() + Number(seconds) * 1000;
const started = performance.now();
let total = 0;
let refused = 0;
await Promise.all(
  Array.from({ length: Number(clients) }, async (_, i) => {
    while (performance.now() < deadline) {
      const res = await fetch(`${url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ serviceId: services[i % services.length] }),
      });
      await res.arrayBuffer();
      if (res.status === 201) total++;
      else refused++;
    }
  }),
);
const elapsed = performance.now() - started;
process.stdout.write(JSON.stringify({ total, refused, elapsed }) + '\n');
export {};
