/**
 * Runs before `npm test`: makes sure there is a Chromium to drive. Debian's (or CHROMIUM_PATH) is used when present;
 * otherwise Playwright downloads its own, which works wherever its download host is reachable.
 */
import { execSync } from 'node:child_process';
import { chromiumExecutable } from './chromium.ts';

const found = chromiumExecutable();
if (found) {
  console.log(`Using Chromium at ${found}`);
} else {
  console.log('No CHROMIUM_PATH and no /usr/bin/chromium: installing Playwright’s own Chromium…');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
