// `npm test`: builds the apps if needed, says loudly which suites cannot run on this
// machine and why, then runs every suite with vitest. With QMS_REQUIRE_ALL_SUITES=1 (CI)
// a missing prerequisite is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
// The disk-full tests put the data folder on a tiny tmpfs that really fills up (test/support/small-disk.ts).
function canMountTmpfs() {
  const dir = mkdtempSync(join(tmpdir(), 'qms-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]).status !== 0) return false;
    spawnSync('umount', [dir]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const missing = [];
if (!existsSync(process.env.QMS_CHROMIUM ?? '/usr/bin/chromium')) missing.push({ suite: 'browser tests (kiosk, displays, rating terminal, manager pages)', why: 'Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)' });
if (!existsSync('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1')) missing.push({ suite: 'clock tests (the server clock stepped back and forward under libfaketime)', why: 'libfaketime is not installed (apt-get install faketime)' });
if (!canMountTmpfs()) missing.push({ suite: "real disk-full tests (they fall back to an injected fs failing with ENOSPC/EIO), restore onto another filesystem, the second backup location (a USB drive that is mounted, missing or full), the doctor's read-only and full-disk cases", why: 'a tmpfs cannot be mounted here (needs root: mount -t tmpfs)' });
if (!existsSync('/usr/bin/systemd-analyze')) missing.push({ suite: 'the systemd unit check (deploy/linux, systemd-analyze verify)', why: 'systemd-analyze is not installed (apt-get install systemd)' });
if (!has('sox')) missing.push({ suite: 'loudness of the spoken clips (measured independently by sox)', why: 'sox is not installed (apt-get install sox)' });
const pgBin = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(`${d}/initdb`));
if (!pgBin) missing.push({ suite: 'city suite (the city server on PostgreSQL, centres sending to it)', why: 'PostgreSQL is not installed in /usr/lib/postgresql/*/bin (apt-get install postgresql)' });
if (!has('openssl')) missing.push({ suite: 'HTTPS on the LAN (a test certificate is made with openssl)', why: 'openssl is not installed (apt-get install openssl)' });
if (!has('socat')) missing.push({ suite: 'serial tests (printer on a serial line, keypads, LED displays)', why: 'socat is not installed (apt-get install socat)' });

if (missing.length) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\nSKIPPED TEST SUITES on this machine:`);
  for (const m of missing) console.warn(`  - ${m.suite}\n      because ${m.why}`);
  console.warn(`${bar}\n`);
  if (process.env.QMS_REQUIRE_ALL_SUITES === '1') {
    console.error('QMS_REQUIRE_ALL_SUITES=1: refusing to run with suites skipped.');
    process.exit(1);
  }
}

// Types first, project by project (tsc -b): an app that imports the server, or a core that
// imports Node, fails here; so do the protocol's compile-only checks (test/protocol) if they loosen.
const types = spawnSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
if (types.status !== 0) {
  console.error('Type check failed (npx tsc -b).');
  process.exit(types.status ?? 1);
}

const build = spawnSync('node', ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = process.argv.slice(2);
const r = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, QMS_SUITES_MISSING: missing.map((m) => m.suite).join('; ') } });
process.exit(r.status ?? 1);
