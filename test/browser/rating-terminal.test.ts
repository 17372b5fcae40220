// The rating terminal at counter 6 in a real browser, with the staff member's console
// driven over a real socket: finish a ticket, the citizen taps, the server keeps one rating.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '@protocol/queue';
import { DEVICE_TOKEN_KEY } from '../../rating-terminal/device-token';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const COUNTER = 6;
const STAFF_NAME = 'Nguyễn Thị Lan'; // canbo1 in the sample centre
// A 1×1 PNG, enough to tell a photo from the initial shown without one.
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let server: TestServer;

async function journal(): Promise<QueueEvent[]> {
  const file = join(server.dataDir, 'journal', `${server.app.ctx.queue.state.day}.jsonl`);
  return (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as QueueEvent);
}

async function staffAtCounter(counterId = COUNTER): Promise<TestClient> {
  const { socket } = await server.client(await server.login('canbo1'));
  expect(await socket.emitWithAck('counter:sign-in', { counterId })).toMatchObject({ ok: true });
  return socket;
}

/** Issues a ticket, calls it to the counter and finishes it, as the staff member would. */
async function serveOne(staff: TestClient, counterId = COUNTER): Promise<string> {
  const issued = await staff.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
  if (!issued.ok) throw new Error(issued.error.code);
  expect(await staff.emitWithAck('counter:call-next', { counterId })).toMatchObject({ ok: true, data: { ticketId: issued.data.id } });
  expect(await staff.emitWithAck('counter:finish', { counterId })).toMatchObject({ ok: true });
  return issued.data.id;
}

describe('the rating terminal refuses over its socket', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('a rating for a ticket another counter served', async () => {
    const ticketId = await serveOne(await staffAtCounter());
    const { socket: terminal7 } = await server.client(await server.pair('rating-terminal-7'));
    const res = await terminal7.emitWithAck('ticket:rate', { ticketId, score: 3 });
    expect(res).toMatchObject({ ok: false, error: { code: 'not-your-counter' } });
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toBeUndefined();
  });

  it('a replayed rating message, keeping the first one only', async () => {
    const ticketId = await serveOne(await staffAtCounter());
    const { socket: terminal } = await server.client(await server.pair(`rating-terminal-${COUNTER}`));
    expect(await terminal.emitWithAck('ticket:rate', { ticketId, score: 3 })).toMatchObject({ ok: true });
    expect(await terminal.emitWithAck('ticket:rate', { ticketId, score: 1, reason: 'Thái độ phục vụ' })).toMatchObject({
      ok: false,
      error: { code: 'already-rated' },
    });
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toMatchObject({ score: 3 });
    expect((await journal()).filter((e) => e.type === 'ticket.rated')).toHaveLength(1);
  });
});

describe.skipIf(!hasChromium)('the rating terminal in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  async function openTerminal(beforeLoad?: (page: Page) => void): Promise<Page> {
    const token = await server.pair(`rating-terminal-${COUNTER}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    beforeLoad?.(page);
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [DEVICE_TOKEN_KEY, token] as const);
    await page.goto(`${server.url}/rating-terminal/`);
    await page.locator('[data-screen="idle"]').waitFor();
    return page;
  }

  it('pairs with a code, then shows its counter and the staff member on duty with their photo', async () => {
    const admin = await server.login();
    expect((await server.http('PATCH', '/api/users/canbo1', { photoUrl: PHOTO }, admin)).status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/rating-terminal/`);
    const code = await server.http('POST', '/api/devices/pairing-codes', { deviceId: `rating-terminal-${COUNTER}` }, admin);
    await page.fill('input[name="code"]', code.body.code);
    await page.click('button[type="submit"]');

    const idle = page.locator('[data-screen="idle"]');
    await expect.poll(() => idle.textContent()).toContain('Quầy 6 – Chứng thực');
    await expect.poll(() => idle.textContent()).toContain('Quầy tạm thời chưa làm việc');
    await staffAtCounter();
    await expect.poll(() => idle.locator('.staff-name').textContent()).toBe(STAFF_NAME);
    expect(await idle.locator('img.staff-photo').getAttribute('src')).toBe(PHOTO);
    expect(await page.evaluate((key) => localStorage.getItem(key), DEVICE_TOKEN_KEY)).toBeTruthy();
    await page.close();
  });

  it('asks after the staff member finishes, and stores the tap with that staff member', async () => {
    const page = await openTerminal();
    const ticketId = await serveOne(await staffAtCounter());

    const prompt = page.locator(`[data-screen="prompt"][data-ticket="${ticketId}"]`);
    await prompt.waitFor();
    const question = await prompt.locator('.question').textContent();
    expect(question).toContain('Ông/Bà có hài lòng với việc tiếp nhận, giải quyết thủ tục của cán bộ');
    expect(question).toContain(STAFF_NAME);
    expect(await prompt.locator('.rating-level .rating-label').allTextContents()).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);

    await prompt.locator('.rating-level[data-score="3"]').click();
    await page.locator('[data-screen="thanks"]', { hasText: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    expect(server.app.ctx.queue.state.tickets[ticketId]).toMatchObject({ staffId: 'canbo1', rating: { score: 3, via: 'terminal' } });
    const rated = (await journal()).filter((e) => e.type === 'ticket.rated');
    expect(rated).toEqual([expect.objectContaining({ ticketId, score: 3, staffId: 'canbo1', counterId: COUNTER, via: 'terminal' })]);
    // Back to idle for the next citizen.
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('asks for a reason when the citizen is not satisfied, and stores it', async () => {
    const page = await openTerminal();
    const ticketId = await serveOne(await staffAtCounter());
    const prompt = page.locator(`[data-screen="prompt"][data-ticket="${ticketId}"]`);
    await prompt.locator('.rating-level[data-score="1"]').click();
    expect(await prompt.locator('.rating-reason').allTextContents()).toEqual(['Thái độ phục vụ', 'Thời gian chờ lâu', 'Hướng dẫn chưa rõ', 'Khác']);
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toBeUndefined();
    await prompt.locator('.rating-reason', { hasText: 'Thời gian chờ lâu' }).click();
    await page.locator('[data-screen="thanks"]').waitFor();
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toMatchObject({ score: 1, reason: 'Thời gian chờ lâu' });
    await page.close();
  });

  it('closes the prompt when nobody rates in time, and the ticket stays not rated', async () => {
    const admin = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    const saved = await server.http('PUT', '/api/config', { ...config, rating: { ...config.rating, promptSeconds: 5 } }, admin);
    expect(saved.status).toBe(200);
    const page = await openTerminal();
    const ticketId = await serveOne(await staffAtCounter());

    await page.locator(`[data-screen="prompt"][data-ticket="${ticketId}"]`).waitFor();
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => server.app.ctx.queue.state.tickets[ticketId].ratingPrompt, { timeout: 10_000 }).toBe('expired');
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toBeUndefined();
    expect(await page.locator('.rating-level').count()).toBe(0);
    await page.close();
  });

  it('sends one rating when the citizen taps twice fast', async () => {
    const ratesSent: string[] = [];
    const page = await openTerminal((p) =>
      p.on('websocket', (ws) =>
        ws.on('framesent', (frame) => {
          if (typeof frame.payload === 'string' && frame.payload.includes('"ticket:rate"')) ratesSent.push(frame.payload);
        }),
      ),
    );
    const ticketId = await serveOne(await staffAtCounter());

    const button = page.locator(`[data-screen="prompt"][data-ticket="${ticketId}"] .rating-level[data-score="2"]`);
    await button.waitFor();
    // Two taps inside one frame, before anything re-renders.
    await button.evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await page.locator('[data-screen="thanks"]').waitFor();
    expect(ratesSent).toHaveLength(1);
    expect(server.app.ctx.queue.state.tickets[ticketId].rating).toMatchObject({ score: 2 });
    expect((await journal()).filter((e) => e.type === 'ticket.rated' && e.ticketId === ticketId)).toHaveLength(1);
    await page.close();
  });
});
