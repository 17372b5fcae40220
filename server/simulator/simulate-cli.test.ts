import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/simulator/simulate-cli.ts', ...args], {
      env: { ...process.env, QMS_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run simulate', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-simulate-cli-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes journals and summaries into QMS_DATA_DIR and prints the report lines', async () => {
    const run = await runCli(['--from', '2026-01-15', '--to', '2026-01-21', '--visits', '1234', '--seed', '3'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Đã ghi 6 ngày làm việc, 1234 phiếu');
    expect(run.stdout).toContain('Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: 1.234');
    expect((await readdir(join(dataDir, 'journal'))).sort()).toEqual(
      ['2026-01-15', '2026-01-16', '2026-01-17', '2026-01-19', '2026-01-20', '2026-01-21'].map((d) => `${d}.jsonl`),
    );
    expect(await readdir(join(dataDir, 'summaries'))).toHaveLength(6);
  });

  it('refuses a reversed range with a Vietnamese message and exit code 2', async () => {
    const run = await runCli(['--from', '2026-02-01', '--to', '2026-01-01', '--visits', '10'], dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Ngày bắt đầu phải trước');
  });
});
