// The systemd unit shipped in deploy/linux passes `systemd-analyze verify` (the same check
// systemd makes when it loads it), names the one settings file, and restarts the server.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const UNIT = new URL('../../deploy/linux/hanh-chinh-cong.service', import.meta.url);
const ANALYZE = '/usr/bin/systemd-analyze';
const hasAnalyze = existsSync(ANALYZE);
if (!hasAnalyze) console.warn(`\n!!! SKIPPING the systemd unit check: ${ANALYZE} not found (apt-get install systemd)\n`);

async function verify(text: string): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-unit-'));
  try {
    const file = join(dir, 'hanh-chinh-cong.service');
    await writeFile(file, text);
    return await run(ANALYZE, ['verify', file]).then(
      (r) => ({ ok: true, output: r.stdout + r.stderr }),
      (err: { stdout: string; stderr: string }) => ({ ok: false, output: err.stdout + err.stderr }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasAnalyze)('systemd unit', () => {
  it('passes systemd-analyze verify with nothing to say about it', async () => {
    const result = await verify(await readFile(UNIT, 'utf8'));
    expect(result.output.split('\n').filter((l) => l.includes('hanh-chinh-cong'))).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('would be refused by the same check with a start command that does not exist', async () => {
    const broken = (await readFile(UNIT, 'utf8')).replace('ExecStart=/usr/bin/node', 'ExecStart=/usr/bin/khong-co-node');
    const result = await verify(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('khong-co-node');
  });

  it('reads the one settings file, runs as its own user and comes back after a crash', async () => {
    const unit = await readFile(UNIT, 'utf8');
    expect(unit).toMatch(/^Environment=QMS_SETTINGS_FILE=\/etc\/hanh-chinh-cong\/qms\.env$/m);
    expect(unit).toMatch(/^User=qms$/m);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m);
  });
});
