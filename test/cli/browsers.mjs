/**
 * Real browsers for the Node tests that need a page served by a plain static
 * server (test/cli/static-site.mjs) rather than by the test runner's server:
 * Chromium and Firefox ESR through puppeteer-core (as test/launchers.mjs starts
 * them), WebKitGTK's MiniBrowser through WebKitWebDriver, spoken to over the
 * W3C WebDriver protocol with fetch (under Xvfb when there is no display).
 * Debian's packages, no download.
 *
 * One small interface for all three: `open(url)` gives a page whose
 * `evaluate(fn, ...args)` runs `fn` in the page and resolves with what it
 * resolves to (JSON values only). `fn` must not use anything from the test's
 * scope: it is sent to the page as source text.
 *
 * The engines: TIENDO_BROWSERS (or TIENDO_DEFAULT_BROWSERS), e.g. "chromium",
 * default all three, as `npm test` runs the browser suite.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as puppeteer from 'puppeteer-core';

const first = (...paths) => paths.find((p) => p && existsSync(p));

/** The engines to run, by name. */
export const engines = (process.env.TIENDO_BROWSERS || process.env.TIENDO_DEFAULT_BROWSERS || 'chromium,firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/**
 * Starts `engine`; resolves with `{ open(url, { width, height }), close() }`. `firefoxPrefs`: preferences
 * for a Firefox started for one test (forced colours, which its driver cannot emulate, are a preference);
 * `webkitEnv`: its environment for a WebKitGTK (GTK_THEME=Adwaita:dark gives a dark colour scheme).
 */
export async function launch(engine, { firefoxPrefs = {}, webkitEnv = {} } = {}) {
  if (engine === 'chromium' || engine === 'firefox') return launchPuppeteer(engine, firefoxPrefs);
  if (engine === 'webkit') return launchWebkit(webkitEnv);
  throw new Error(`unknown engine "${engine}" (chromium, firefox, webkit)`);
}

async function launchPuppeteer(engine, firefoxPrefs) {
  const browser =
    engine === 'chromium'
      ? await puppeteer.launch({
          executablePath: first(process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'),
          headless: true,
          args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: first(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'),
          headless: true,
          extraPrefsFirefox: {
            'network.captive-portal-service.enabled': false,
            'app.update.enabled': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'browser.safebrowsing.malware.enabled': false,
            'browser.safebrowsing.phishing.enabled': false,
            ...firefoxPrefs,
          },
        });
  return {
    engine,
    async open(url, { width = 1200, height = 900 } = {}) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
      await page.setViewport({ width, height });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      return {
        errors,
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        goto: (next) => page.goto(next, { waitUntil: 'load', timeout: 60_000 }),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** WebKitGTK: Xvfb when needed, WebKitWebDriver in a process group of its own (the browser joins it), one session. */
async function launchWebkit(webkitEnv) {
  const processes = [];
  const env = { ...process.env, ...webkitEnv };
  if (!env.DISPLAY) {
    const display = `:${90 + Math.floor(Math.random() * 100)}`;
    processes.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    env.DISPLAY = display;
  }
  const port = await freePort();
  const driver = spawn(first(process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'), [`--port=${port}`], { env, stdio: 'ignore', detached: true });
  const end = () => {
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    for (const p of processes) p.kill('SIGTERM');
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${endpoint}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error ?? res.status}: ${json.value?.message ?? ''}`);
    return json.value;
  };
  try {
    for (let start = Date.now(); ; ) {
      try {
        if ((await fetch(`${endpoint}/status`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() - start > 15_000) throw new Error('WebKitWebDriver did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const binary = first(
      process.env.WEBKIT_BROWSER_PATH,
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    );
    const { sessionId } = await call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } },
    });
    const session = `/session/${sessionId}`;
    await call('POST', `${session}/timeouts`, { script: 60_000, pageLoad: 60_000 });
    return {
      engine: 'webkit',
      async open(url, { width = 1200, height = 900 } = {}) {
        await call('POST', `${session}/window/rect`, { width, height }).catch(() => undefined);
        await call('POST', `${session}/url`, { url });
        const page = {
          errors: [],
          async evaluate(fn, ...args) {
            const script = `const done = arguments[arguments.length - 1];
              Promise.resolve().then(() => (${fn})(...Array.prototype.slice.call(arguments, 0, -1)))
                .then((value) => done({ value }), (e) => done({ error: String((e && e.stack) || e) }));`;
            const out = await call('POST', `${session}/execute/async`, { script, args });
            if (out?.error) throw new Error(out.error);
            return out?.value;
          },
          goto: (next) => call('POST', `${session}/url`, { url: next }),
          close: async () => undefined,
        };
        return page;
      },
      async close() {
        await call('DELETE', session).catch(() => undefined);
        end();
      },
    };
  } catch (e) {
    end();
    throw e;
  }
}
