// Builds the apps when dist/ is missing or older than their sources, so `npm start` and
// `npm test` work on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['index.html', 'vite.config.ts', 'protocol', 'client', 'kiosk', 'counter-display', 'central-display', 'rating-terminal', 'manager', 'ticket', 'lookup', 'city'];
const STAMP = 'dist/index.html';

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((n) => n !== 'node_modules').map((n) => newest(join(path, n))));
}

const stale = () => {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  return built === 0 || SOURCES.some((s) => newest(s) > built);
};

// Two test runs starting together must not build into the same folder at once.
const LOCK = '.build-lock';
function lock() {
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      if (Date.now() > until) rmSync(LOCK, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
    }
  }
}

if (stale()) {
  lock();
  try {
    if (stale()) {
      console.log('Đang build các ứng dụng (vite build)…');
      const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (r.status !== 0) process.exitCode = r.status ?? 1;
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
