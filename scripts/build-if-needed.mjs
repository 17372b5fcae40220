// Builds the apps (dist/) and compiles the server (dist-server/) when either is missing or
// older than its sources, so `npm start` and `npm test` work on a fresh clone without a
// separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_OUT } from './build-server.mjs';

const BUILDS = [
  {
    sources: ['index.html', 'vite.config.ts', 'protocol', 'client', 'kiosk', 'counter-display', 'central-display', 'rating-terminal', 'manager', 'ticket', 'lookup', 'city'],
    stamp: 'dist/index.html',
    say: 'Đang build các ứng dụng (vite build)…',
    run: () => {
      const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`vite build exited ${r.status}`);
    },
  },
  {
    sources: ['server', 'protocol', 'tsconfig.base.json', 'scripts/build-server.mjs', 'package-lock.json'],
    stamp: `${SERVER_OUT}/main.mjs`,
    say: 'Đang biên dịch máy chủ (esbuild)…',
    run: buildServer,
  },
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((n) => n !== 'node_modules').map((n) => newest(join(path, n))));
}

const stale = ({ sources, stamp }) => {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return built === 0 || sources.some((s) => newest(s) > built);
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

if (BUILDS.some(stale)) {
  lock();
  try {
    for (const b of BUILDS.filter(stale)) {
      console.log(b.say);
      await b.run();
    }
  } catch (err) {
    console.error(String(err));
    process.exitCode = 1;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
