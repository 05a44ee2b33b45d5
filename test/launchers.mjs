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

/** How long the WebKit launcher waits for a test page to load before it starts a new session (ms). */
const LOAD_TIMEOUT = 25_000;

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
   * stopped at "34/40 test files" that way). Here the navigation is awaited: on failure the error
   * is printed, the driver and its browser are ended, new ones started, and the page is loaded once more; if that fails
   * too, the runner marks this one test file failed, with the error, and goes on with the rest.
   * Nothing is retried inside a test file: its tests run once and report as they are.
   */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    try {
      // A page load normally takes seconds; one that hangs (a CI run waited 300 s for the driver's
      // answer, and the page never started) is given up well before the runner's own
      // browserStartTimeout, so that the second load still counts: a file whose start the runner had
      // already given up on loses its results. (Were the page running after all, with only the
      // driver silent, the runner reports that file "interrupted because the page was reloaded".)
      let timer;
      const hung = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${LOAD_TIMEOUT / 1000} s`)), LOAD_TIMEOUT);
      });
      const load = this.driverManager.startSession(id, url);
      load.catch(() => undefined);
      await Promise.race([load, hung]).finally(() => clearTimeout(timer));
    } catch (error) {
      console.error(`\nWebKit: loading ${url} failed (${error?.message ?? error}); starting a new driver and browser and loading it again.`);
      // A driver busy with a hung load answers nothing more: end it with its browser and start both anew.
      if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
      this.killDriver();
      this.driver = undefined;
      this.driverManager = undefined;
      await this.startDriver();
      await this.ensureManagerInitialized();
      await this.driverManager.startSession(id, url);
    }
  }

  async stop() {
    try {
      // A stuck driver would keep the whole run from ending; the processes are ended below anyway.
      await Promise.race([super.stop(), new Promise((r) => setTimeout(r, 10_000))]);
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
