// Two networks: the citizens' (phones, the kiosk, the hall's displays) and the staff's. With
// QMS_PUBLIC_LISTEN and QMS_STAFF_LISTEN the server listens on both; the citizens' side serves
// only what citizens and the hall's devices need, and answers 404 for everything else, so a
// stranger on the hall's Wi-Fi cannot even reach the staff sign-in. One address serving
// everything stays the default. The side of a request is the listener that accepted its
// connection, never anything the client says.
import type { IncomingMessage } from 'node:http';
import type { Server as NetServer } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { httpOperationNames, httpRoute } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import type { Principal } from '@protocol/events';

/** The apps of the hall: the phone's ticket page, the kiosk and its look-up, the displays, the rating tablets. */
const PUBLIC_APPS = ['/ticket', '/kiosk', '/lookup', '/central-display', '/counter-display', '/rating-terminal', '/assets'];

/** What the hall's devices and phones call: the registry's routes marked `hall`; everything else under /api is the staff's. */
const PUBLIC_API: readonly [string, RegExp][] = httpOperationNames
  .map((name) => httpRoute(name))
  .filter((route) => route.hall)
  .map((route) => [route.method, new RegExp(`^/api${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`)]);

export function servedOnPublicSide(method: string, path: string): boolean {
  if (path === '/' || path === '/index.html' || path === '/favicon.ico') return true;
  if (path.startsWith('/api/')) return PUBLIC_API.some(([m, p]) => (m === method || (m === 'GET' && method === 'HEAD')) && p.test(path));
  return PUBLIC_APPS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** People (staff, hall guides, managers) never act from the citizens' side; devices and phones do. */
export function admittedOnPublicSide(who: Principal): boolean {
  return who.role !== 'staff' && who.role !== 'manager' && who.role !== 'guide';
}

export class NetworkSides {
  private publicConnections = new WeakSet<object>();
  private split = false;

  /** Marks every connection the citizens' listener accepts (plain or TLS). */
  markPublic(server: NetServer): void {
    this.split = true;
    server.on('connection', (socket) => this.publicConnections.add(socket));
    server.on('secureConnection', (socket) => this.publicConnections.add(socket));
  }

  isPublic(req: IncomingMessage): boolean {
    return this.split && this.publicConnections.has(req.socket);
  }

  /** Express middleware: on the citizens' side, only the routes it serves; the rest is 404. */
  guard(notFound: (res: Response, err: QueueError) => void) {
    return (req: Request, res: Response, next: NextFunction) => {
      if (!this.isPublic(req) || servedOnPublicSide(req.method, req.path)) return next();
      res.set('connection', 'close');
      notFound(res, new QueueError('not-found'));
    };
  }
}
