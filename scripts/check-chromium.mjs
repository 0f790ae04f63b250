// Fails fast, before Playwright starts, when no Chromium is installed. Playwright's own browser
// download is never used here: the e2e tests run on the system's Chromium.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `No Chromium at ${path}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium\n` +
      '(or set CHROMIUM_PATH to a Chromium binary). The e2e tests never download a browser.',
  );
  process.exit(1);
}
