import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (toolchain notes: no browser download here), for
 * the web client's end-to-end tests and the bench. The flags keep it from opening connections
 * this closed network refuses.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
