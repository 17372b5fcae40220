// The file writer's entry when the server runs from source under tsx: the child process
// starts without the loader, so it is registered here before the TypeScript module is loaded.
// The compiled server (scripts/build-server.mjs) starts file-writer-main.ts itself instead.
import { register } from 'tsx/esm/api';

register();
await import('./file-writer-main.ts');
