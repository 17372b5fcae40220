// Browser tests load the built apps: build them first when their sources changed.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync('node', ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the apps failed');
}
