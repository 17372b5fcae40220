// One address the server listens on: plain HTTP, or with QMS_TLS_CERT / QMS_TLS_KEY HTTPS on
// the same port, where a plain-HTTP request is redirected to https:// (the first byte of a
// connection tells a TLS handshake, 0x16, from an HTTP request), so old bookmarks and QR
// codes keep working.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface Listener {
  /** The server requests arrive on (socket.io attaches here). */
  server: HttpServer;
  /** The server that accepts connections (the same one without TLS). */
  acceptor: NetServer;
  secure: boolean;
  listen(host: string, port: number): Promise<number>;
  close(): void;
}

const TLS_HANDSHAKE = 0x16;

function redirectToHttps(): HttpServer {
  return createHttpServer((req, res) => {
    const host = req.headers.host ?? 'localhost';
    res.writeHead(308, { location: `https://${host}${req.url ?? '/'}`, connection: 'close' });
    res.end();
  });
}

export function createListener(app: RequestListener, tls?: TlsFiles): Listener {
  const listen = (acceptor: NetServer) => (host: string, port: number) =>
    new Promise<number>((resolve, reject) => {
      acceptor.once('error', reject);
      acceptor.listen(port, host, () => {
        acceptor.off('error', reject);
        const addr = acceptor.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  if (!tls) {
    const server = createHttpServer(app);
    return { server, acceptor: server, secure: false, listen: listen(server), close: () => server.closeAllConnections() };
  }
  const secure = createHttpsServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, app) as unknown as HttpServer;
  const plain = redirectToHttps();
  const acceptor = createNetServer((socket: Socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  // The side of a connection is marked on the acceptor; the TLS server sees it again as secureConnection.
  secure.on('secureConnection', (s) => acceptor.emit('secureConnection', s));
  return {
    server: secure,
    acceptor,
    secure: true,
    listen: listen(acceptor),
    close: () => {
      secure.closeAllConnections();
      plain.closeAllConnections();
      acceptor.close();
    },
  };
}
