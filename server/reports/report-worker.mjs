// The reports' worker entry when the server runs from source under tsx: a worker thread starts
// without its loader, so it is registered here before the TypeScript task module is loaded.
// The compiled server (scripts/build-server.mjs) starts report-worker-main.ts itself instead.
import { register } from 'tsx/esm/api';

register();
const { runReportTask } = await import('./report-worker-main.ts');
export default runReportTask;
