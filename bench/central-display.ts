// From a staff member's click (the console's counter:call-next) to the central display in
// Debian's Chromium showing the number, and to its speakers starting the announcement.
import { existsSync } from 'node:fs';
import { launchBrowser, CHROMIUM } from '../test/support/browser';
import { startTestServer } from '../test/support/server';
import { percentile, type Figure } from './stats';

const CALLS = 10;

export async function benchCentralDisplay(): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) return [{ name: `central display (skipped: ${CHROMIUM} not installed)`, value: NaN, unit: '' }];
  // Calls back to back, far faster than a person: past the staff socket's command budget.
  const server = await startTestServer({ env: { QMS_SOCKET_RATE_SCALE: '1000' } });
  const browser = await launchBrowser();
  try {
    const admin = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.voice.repeats = 1; // each sample waits for the previous announcement to end
    await server.http('PUT', '/api/config', config, admin);
    await server.app.prepareVoice();
    const token = await server.pair('central-display-1');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript((t) => {
      localStorage.setItem('qms.central-display.device-token', t);
      const shown: { label: string; at: number }[] = [];
      (window as unknown as { __shown: typeof shown }).__shown = shown;
      new MutationObserver(() => {
        const el = document.querySelector('[data-latest-label]');
        const label = el?.getAttribute('data-latest-label');
        if (label && shown.at(-1)?.label !== label) shown.push({ label, at: Date.now() });
      }).observe(document, { subtree: true, childList: true, attributes: true });
    }, token);
    await page.goto(`${server.url}/central-display/`);
    await page.waitForSelector('.latest-call');

    const staff = (await server.client(await server.login('canbo1'))).socket;
    await staff.emitWithAck('counter:sign-in', { counterId: 6 });
    for (let i = 0; i < CALLS; i++) await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
    const shownMs: number[] = [];
    const audioMs: number[] = [];
    const answeredMs: number[] = [];
    const playerMs: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const label = String(1001 + i);
      const clicked = Date.now();
      await staff.emitWithAck('counter:call-next', { counterId: 6 });
      const handle = await page.waitForFunction(
        (l) => {
          const w = window as unknown as { __shown: { label: string; at: number }[]; __announcements?: { label: string; startedAt: number; endedAt?: number }[] };
          const shown = w.__shown.find((s) => s.label === l);
          const spoken = w.__announcements?.find((a) => a.label === l && a.endedAt !== undefined);
          return shown && spoken ? { shown: shown.at, audio: spoken.startedAt } : null;
        },
        label,
        { timeout: 30_000, polling: 50 },
      );
      const { shown, audio } = (await handle.jsonValue()) as { shown: number; audio: number };
      // Where the announcement's time goes: the server's answer with the call's sound (from
      // the page's own resource timing), then Chromium's media pipeline until the sound starts.
      const arrived = await page.evaluate(
        (l) => {
          const r = performance.getEntriesByType('resource').find((e) => e.name.includes(`label=${l}&`)) as PerformanceResourceTiming | undefined;
          return r ? [performance.timeOrigin + r.startTime, performance.timeOrigin + r.responseEnd] : null;
        },
        label,
      );
      if (!arrived) throw new Error(`no request for the sound of ${label}`);
      shownMs.push(shown - clicked);
      audioMs.push(audio - clicked);
      answeredMs.push(arrived[1] - arrived[0]);
      playerMs.push(audio - arrived[1]);
    }
    return [
      { name: 'staff click → central display shows the call p50', value: percentile(shownMs, 0.5), unit: 'ms' },
      { name: 'staff click → central display shows the call p95', value: percentile(shownMs, 0.95), unit: 'ms', target: '≤ 100' },
      { name: 'staff click → announcement starts playing p50', value: percentile(audioMs, 0.5), unit: 'ms' },
      { name: 'staff click → announcement starts playing p95', value: percentile(audioMs, 0.95), unit: 'ms', target: `≤ 300 (the display's p95 in the same run: ${percentile(shownMs, 0.95).toFixed(0)} ms)` },
      { name: "  of which the call's sound requested → received, p95", value: percentile(answeredMs, 0.95), unit: 'ms', target: `p50 ${percentile(answeredMs, 0.5).toFixed(0)} ms` },
      { name: '  of which received → Chromium starts playing, p95', value: percentile(playerMs, 0.95), unit: 'ms', target: `p50 ${percentile(playerMs, 0.5).toFixed(0)} ms` },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
