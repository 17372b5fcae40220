// Browser tests load the built apps: build them first when their sources changed. A failed
// build is reported here and shows up again as failing browser tests; server and core
// suites do not need the pages and still run.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync('node', ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) console.error('\n!!! building the apps failed: browser tests will fail\n');
}
