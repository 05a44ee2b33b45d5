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
 * The accessibility tree of one widget as a screen reader gets it (Chromium, over CDP: puppeteer's
 * accessibility.snapshot of the widget's `[part~="base"]`, the host found by `payload.id`, every node kept:
 * puppeteer's "interesting" pruning drops a plain group with its children); false in
 * engines whose driver offers no tree (Firefox over WebDriver BiDi, WebKitWebDriver).
 */
function accessibilityTree() {
  return {
    name: 'tiendo-ax-tree',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tiendo-ax-tree') return undefined;
      if (session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) return false;
      const page = session.browser.getPage(session.id);
      const handle = await page.evaluateHandle((id) => document.getElementById(id)?.shadowRoot?.querySelector('[part~="base"]'), payload.id);
      const root = handle.asElement();
      if (!root) return null;
      try {
        return await page.accessibility.snapshot({ root, interestingOnly: false });
      } finally {
        await handle.dispose();
      }
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
    accessibilityTree(),
  ],
  browsers: selectedBrowsers(process.env.TIENDO_DEFAULT_BROWSERS ?? 'chromium'),
};
