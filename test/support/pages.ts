// Opening the apps as their devices do: with a token already in localStorage, as a paired
// device or a signed-in PC holds it, at the size of the real screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './server';

export const TOKEN_KEYS = {
  central: 'qms.central-display.device-token',
  counterDisplay: 'qms.counter-display.device-token',
  staff: 'qms.counter-display.staff-token',
} as const;

/** The screens the centre really has: the hall's TVs, a small TV or office PC, a phone. */
export const SCREENS = {
  fullHd: { width: 1920, height: 1080 },
  hd: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
} as const;

export async function newScreen(browser: Browser, size: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: size });
  // Fail on the step that is stuck, well before the test's own time limit.
  context.setDefaultTimeout(15_000);
  return context;
}

export async function openWithToken(context: BrowserContext, server: TestServer, path: string, key: string, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, token] as const);
  await page.goto(server.url + path);
  return page;
}

/** The staff console of `username`, signed in at `counterId`. */
export async function consoleAt(context: BrowserContext, server: TestServer, username: string, counterId: number): Promise<Page> {
  const page = await openWithToken(context, server, '/counter-display/?console', TOKEN_KEYS.staff, await server.login(username));
  await page.click(`[data-counter="${counterId}"]`);
  await page.waitForSelector('.desk');
  return page;
}

/** Issues a ticket as the managers' API would; returns its label. */
export async function issueTicket(server: TestServer, adminToken: string, serviceId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await server.http('POST', '/api/tickets', { serviceId, ...extra }, adminToken);
  if (res.status !== 201) throw new Error(`issue ${serviceId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.label as string;
}
