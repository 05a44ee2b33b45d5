/**
 * Browser launchers for @web/test-runner, one per engine citizens use, all
 * from Debian's packages: Chromium (puppeteer-core over CDP), Firefox ESR
 * (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver driving
 * MiniBrowser, under Xvfb when there is no display). Each launcher starts what
 * it needs and stops it, leaving no process behind.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const first = (...paths) => paths.find((p) => p && existsSync(p));

export function chromium() {
  return chromeLauncher({
    launchOptions: {
      executablePath: first(process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'),
      headless: true,
      args: [
        '--no-sandbox',
        '--headless=new',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  });
}

export function firefox() {
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: first(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'),
      headless: true,
      extraPrefsFirefox: {
        // No network but the test server: no updates, telemetry or captive-portal checks.
        'network.captive-portal-service.enabled': false,
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
      },
    },
  });
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

async function waitForPort(port, ms = 15000) {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > ms) throw new Error(`WebKitWebDriver did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How long the WebKit launcher waits for a test page to load before it looks at why (ms). */
const LOAD_TIMEOUT = 25_000;

/** `promise`, or a rejection "no answer within N s" after `ms` (the promise's own later failure is ignored). */
function within(promise, ms) {
  promise.catch(() => undefined);
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Session ids whose page asked the server for its test file (see {@link testFileRequests}). */
const testFileAsked = new Set();

/**
 * Middleware: notes each session whose page has asked for its test file (`/test/x.test.ts?wtr-session-id=…`),
 * so that the WebKit launcher can tell a page that never started from one whose load event is merely late.
 */
export function testFileRequests(ctx, next) {
  const id = ctx.query?.['wtr-session-id'];
  if (typeof id === 'string' && /\.test\.[cm]?[jt]s$/.test(ctx.path)) testFileAsked.add(id);
  return next();
}

/** WebKitGTK: starts Xvfb (if needed) and WebKitWebDriver, and stops both. */
class WebkitLauncher extends WebdriverLauncher {
  processes = [];

  async initialize(config, testFiles) {
    this.env = { ...process.env };
    if (!this.env.DISPLAY) {
      const display = `:${90 + Math.floor(Math.random() * 100)}`;
      const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      this.processes.push(xvfb);
      this.env.DISPLAY = display;
      await new Promise((r) => setTimeout(r, 500));
    }
    await this.startDriver();
    return super.initialize(config, testFiles);
  }

  /** Starts WebKitWebDriver on a free port, in a process group of its own (the browser it starts joins it). */
  async startDriver() {
    const port = await freePort();
    this.driverProcess = spawn(first(process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'), [`--port=${port}`], {
      env: this.env,
      stdio: 'ignore',
      detached: true,
    });
    this.options.port = port;
    await waitForPort(port);
  }

  /** Ends the driver and every process of its group (the browser too), whatever state they are in. */
  killDriver() {
    const pid = this.driverProcess?.pid;
    this.driverProcess = undefined;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /**
   * Loads a test file's page. The runner's own session manager starts this navigation without
   * waiting for it, so a failed navigation (the engine's page process gone, the driver's session
   * lost) surfaces as an uncaught exception that stops the whole run with no test named (a CI run
   * stopped at "34/40 test files" that way). Here the navigation is awaited, and when it fails or
   * has no answer in 25 s, what happens depends on whether the page asked for its test file:
   * - it did: the page runs its tests and only the driver is late; its tests go on and report as
   *   usual (their results come over the runner's web socket), and the next file gets a new driver;
   * - it did not: the page never started (a CI run waited 300 s for the driver). The driver and its
   *   browser are ended, new ones started and the page loaded once more, within the runner's start
   *   timeout so that the second load counts; if that fails too, the runner marks this one file
   *   failed, with the error, and goes on with the rest.
   * Nothing is retried inside a test file: its tests run once and report as they are.
   */
  async startSession(id, url) {
    if (this.driverFailed) await this.restartDriver();
    await this.ensureManagerInitialized();
    try {
      await within(this.driverManager.startSession(id, url), LOAD_TIMEOUT);
      return;
    } catch (error) {
      if (testFileAsked.has(id)) {
        console.error(`\nWebKit: the driver did not answer the load of ${url} (${error?.message ?? error}), but the page runs its tests; the next file gets a new driver.`);
        this.driverFailed = true;
        return;
      }
      console.error(`\nWebKit: loading ${url} failed (${error?.message ?? error}); starting a new driver and browser and loading it again.`);
    }
    await this.restartDriver();
    await this.ensureManagerInitialized();
    await this.driverManager.startSession(id, url);
  }

  /**
   * Ends a test file's page once its results are in (they came over the runner's web socket). A driver
   * that failed is not asked (it would hold the run up to the runner's 15-minute limit, as a CI run's
   * did for 300 s); one that gives no answer in 30 s is marked failed. Either way the next file gets a
   * new driver and browser.
   */
  async stopSession(id) {
    if (!this.driverFailed) {
      try {
        return await within(super.stopSession(id), 30_000);
      } catch (error) {
        console.error(`\nWebKit: the driver did not end the page of a finished test file (${error?.message ?? error}); the next file gets a new driver.`);
        this.driverFailed = true;
      }
    }
    return { testCoverage: undefined };
  }

  /** Ends the driver with its browser (a driver busy with a hung load answers nothing more) and starts both anew. */
  async restartDriver() {
    this.driverFailed = false;
    if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
    this.killDriver();
    this.driver = undefined;
    this.driverManager = undefined;
    await this.startDriver();
  }

  async stop() {
    try {
      // A stuck driver would keep the whole run from ending; the processes are ended below anyway.
      await within(super.stop(), 10_000).catch(() => undefined);
    } finally {
      this.killDriver();
      for (const p of this.processes.reverse()) p.kill('SIGTERM');
      this.processes = [];
    }
  }
}

export function webkit() {
  const binary = first(
    process.env.WEBKIT_BROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  );
  return new WebkitLauncher({
    hostname: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      // The driver rejects the BiDi capability webdriverio asks for by default.
      'wdio:enforceWebDriverClassic': true,
    },
  });
}

export const ENGINES = { chromium, firefox, webkit };

/** The engines to run: TIENDO_BROWSERS=chromium,firefox (default: all three). */
export function selectedBrowsers(defaults = 'chromium,firefox,webkit') {
  const names = (process.env.TIENDO_BROWSERS || defaults).split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!ENGINES[n]) throw new Error(`Unknown engine "${n}" in TIENDO_BROWSERS (use ${Object.keys(ENGINES).join(', ')})`);
  return names.map((n) => ENGINES[n]());
}
