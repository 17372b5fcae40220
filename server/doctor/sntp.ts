// How far this machine's clock is from another one on the LAN, by one SNTP exchange
// (RFC 4330): routers and Windows domain controllers answer it, and nothing leaves the LAN.
import { createSocket } from 'node:dgram';

/** Seconds between 1900 (NTP's epoch) and 1970. */
const NTP_EPOCH_OFFSET_S = 2_208_988_800;

function readTimestamp(buf: Buffer, at: number): number {
  return (buf.readUInt32BE(at) - NTP_EPOCH_OFFSET_S) * 1000 + (buf.readUInt32BE(at + 4) / 2 ** 32) * 1000;
}

/** Milliseconds the other machine's clock is ahead of ours (negative: ours is ahead). */
export function sntpOffset(host: string, port = 123, timeoutMs = 2000, now: () => number = Date.now): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const request = Buffer.alloc(48);
    request[0] = 0x1b; // leap 0, version 3, mode 3 (client)
    const timer = setTimeout(() => finish(new Error(`no SNTP answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null, offset?: number) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(offset!);
    };
    let sentAt = 0;
    socket.on('error', (err) => finish(err));
    socket.on('message', (msg) => {
      const receivedAt = now();
      if (msg.length < 48 || (msg[0] & 0x07) !== 4) return finish(new Error('not an SNTP server answer'));
      const serverReceived = readTimestamp(msg, 32);
      const serverSent = readTimestamp(msg, 40);
      finish(null, (serverReceived - sentAt + (serverSent - receivedAt)) / 2);
    });
    sentAt = now();
    socket.send(request, port, host);
  });
}

/** host, host:port or [v6]:port → where to ask. */
export function parseTimeSource(source: string): { host: string; port: number } {
  const m = /^\[(.+)\](?::(\d+))?$/.exec(source) ?? /^([^:]+)(?::(\d+))?$/.exec(source);
  if (!m) return { host: source, port: 123 };
  return { host: m[1], port: m[2] ? Number(m[2]) : 123 };
}
