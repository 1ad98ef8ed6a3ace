// Debian's Chromium, launched the one way every browser check outside
// Playwright's test runner needs here: no sandbox (CI runs as root), no GPU,
// nothing fetched in the background (there is no internet). The Playwright
// config (playwright.config.ts) passes the same flags and a few more.
import { createRequire } from 'node:module';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
];

/** Starts Chromium through playwright's API; close the browser it returns. */
export function launchChromium() {
  const require = createRequire(import.meta.url);
  const { chromium } = require('@playwright/test');
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
