// Debian's Chromium driven by playwright-core, as a person at the device would use it.
// When it is not installed the suite is skipped loudly (CI installs it and requires it).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.QMS_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) console.warn(`\n!!! SKIPPING browser tests: ${CHROMIUM} not found (apt-get install chromium)\n`);

/** `extraArgs`: e.g. a fake microphone (--use-fake-device-for-media-stream …). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      // The central display plays calls without anyone touching it.
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}
