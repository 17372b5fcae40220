// Runs in its own process: N display clients and one staff console. The console calls the
// next number 100 times; each call's time is until every display has received it.
import { io as ioClient, type Socket } from 'socket.io-client';
import { timeCallToDisplays } from './time-call-to-displays';

const [url, displayToken, staffToken, n, calls] = process.argv.slice(2);
const connectOne = (token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = ioClient(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const displays: Socket[] = [];
for (let i = 0; i < Number(n); i++) displays.push(await connectOne(displayToken));
const staff = await connectOne(staffToken);
const times: number[] = [];
for (let c = 0; c < Number(calls); c++) times.push(await timeCallToDisplays(displays, staff, 6));
for (const s of [...displays, staff]) s.close();
process.stdout.write(JSON.stringify(times) + '\n');
process.exit(0);
