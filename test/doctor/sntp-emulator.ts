// A LAN time server for tests: answers SNTP on loopback with its clock `offsetMs` ahead of ours.
import { createSocket } from 'node:dgram';

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

function writeTimestamp(buf: Buffer, at: number, ms: number): void {
  const seconds = Math.floor(ms / 1000);
  buf.writeUInt32BE(seconds + NTP_EPOCH_OFFSET_S, at);
  buf.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32), at + 4);
}

export async function startSntpServer(offsetMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, from) => {
    if (msg.length < 48) return;
    const reply = Buffer.alloc(48);
    reply[0] = 0x1c; // leap 0, version 3, mode 4 (server)
    reply[1] = 2; // stratum
    const now = Date.now() + offsetMs;
    writeTimestamp(reply, 32, now);
    writeTimestamp(reply, 40, now);
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
