// The short soak in `npm test`: half a minute of a busy day against the real server
// process, every device connected, the server killed twice (once while the disk is slow),
// devices dropping off, the printer out of paper and silent, the disk full for a few seconds
// and the server's clock set back minutes; then the reconciliation.
// `npm run soak` runs the long one (test/soak/run.ts).
import { describe, expect, it } from 'vitest';
import { runSoak, type SoakResult } from './soak';
import { formatSummary } from './summary';

describe('a busy day with faults', () => {
  it('ends with every ticket accounted for once, every screen equal to the server and the report equal to what the clients saw', async () => {
    const result: SoakResult = await runSoak({ durationMs: 30_000, kills: 2, seed: 20260316 });
    console.log(formatSummary({ ...result, workDir: '' }));

    // The faults really happened, and the day was busy enough to mean something.
    expect(result.faults.kills).toBe(2);
    expect(result.faults.blips + result.faults.awayDrops).toBeGreaterThan(0);
    // The disk filled up once and the clock stepped back and forward, where this machine can do it.
    expect(result.faults.diskFullWindows).toBe(result.observations.some((o) => o.includes('disk-full')) ? 0 : 1);
    // (the step forward again may fall after the end of a day slowed by restarts; heal() makes it then)
    if (!result.observations.some((o) => o.includes('clock-back'))) expect(result.faults.clockSteps).toBeGreaterThanOrEqual(1);
    expect(result.tickets).toBeGreaterThan(20);
    const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.name}:\n  ${c.details.join('\n  ')}`);
    expect(failed).toEqual([]);
  }, 240_000);
});
