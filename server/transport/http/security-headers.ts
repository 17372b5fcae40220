// The security headers of every page and answer (helmet), and the same headers as a fixed list
// for the answers written without express (direct-commands.ts): with these options helmet
// sets the same values on every response, so they are read off it once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

export const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Preact writes style attributes; no inline scripts are allowed.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:', 'data:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      upgradeInsecureRequests: null,
    },
  },
  // The centre's LAN is plain HTTP; HSTS would lock browsers out of it.
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
});

/** The headers helmet sets, in its order, read off a response that only records them. */
export function fixedSecurityHeaders(): [string, string][] {
  const set = new Map<string, [string, string]>();
  const recorder = {
    setHeader(name: string, value: string) {
      set.set(name.toLowerCase(), [name, String(value)]);
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
    },
  };
  let failed: unknown;
  securityHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return [...set.values()];
}
