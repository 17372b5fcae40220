import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { simulatePeriod } from '../simulator/simulate';
import { createReportService } from './report-service';

// The reports' thread is the process's and outlives a service; a task it was running went on
// writing summaries after the server had closed, into a data folder being removed (ENOTEMPTY).
it('closes only when the tasks it sent to the reports’ thread are done', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'qms-report-close-'));
  try {
    const sim = await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-03-13', visits: 400, seed: 8 });
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const service = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => [],
      getToday: () => ({ state: emptyState('2026-03-16'), events: [] }),
    });
    // The city link's list of closed days summarises every day that has none yet.
    const listing = service.closedDays();
    await service.close();
    expect((await readdir(join(dataDir, 'summaries'))).length).toBe(sim.days.length);
    expect(await listing).toHaveLength(sim.days.length);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
