import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mockFeeds } from './test/mock-feeds.mjs';
import { chunkFaults } from './test/chunk-faults.mjs';
import { selectedBrowsers, testFileRequests } from './test/launchers.mjs';

/**
 * Forced colours for a test (Chromium, over CDP: puppeteer's emulateMediaFeatures refuses `forced-colors`);
 * false in engines whose driver cannot emulate them. One CDP session per page, kept: the emulation ends
 * with the session that set it.
 */
function forcedColors() {
  const sessions = new WeakMap();
  return {
    name: 'tiendo-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tiendo-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) return false;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * `npm test`: every test file in Chromium, Firefox ESR and WebKitGTK (see
 * test/launchers.mjs). TIENDO_BROWSERS=chromium picks a subset for a quick run.
 */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time per engine: a background tab is document.hidden, which pauses refresh and requestAnimationFrame.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  // Room for the WebKit launcher to give up on a hung page load (25 s) and load it again in a new browser.
  browserStartTimeout: 120000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 900000,
  middleware: [testFileRequests, mockFeeds, chunkFaults],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    {
      // Tells a test which launcher opened its page, so test/engine.test.ts can prove the engine is real.
      name: 'tiendo-engine-name',
      executeCommand: ({ command, session }) => (command === 'tiendo-engine' ? session.browser.name : undefined),
    },
    forcedColors(),
  ],
  browsers: selectedBrowsers(process.env.TIENDO_DEFAULT_BROWSERS ?? 'chromium'),
};
