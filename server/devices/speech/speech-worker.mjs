// The speech worker's entry: the server runs under tsx, and a worker thread starts without
// its loader, so it is registered here before the TypeScript worker is loaded. The compiled
// server (scripts/build-server.mjs) starts speech-worker-main.ts itself instead.
import { register } from 'tsx/esm/api';

register();
await import('./speech-worker-main.ts');
