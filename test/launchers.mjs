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

/** WebKitGTK: starts Xvfb (if needed) and WebKitWebDriver, and stops both. */
class WebkitLauncher extends WebdriverLauncher {
  processes = [];

  async initialize(config, testFiles) {
    const env = { ...process.env };
    if (!env.DISPLAY) {
      const display = `:${90 + Math.floor(Math.random() * 100)}`;
      const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      this.processes.push(xvfb);
      env.DISPLAY = display;
      await new Promise((r) => setTimeout(r, 500));
    }
    const port = await freePort();
    const driver = spawn(first(process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'), [`--port=${port}`], {
      env,
      stdio: 'ignore',
    });
    this.processes.push(driver);
    this.options.port = port;
    await waitForPort(port);
    return super.initialize(config, testFiles);
  }

  /**
   * Loads a test file's page. The runner's own session manager starts this navigation without
   * waiting for it, so a failed navigation (the engine's page process gone, the driver's session
   * lost) surfaces as an uncaught exception that stops the whole run with no test named (a CI run
   * stopped at "34/40 test files" that way). Here the navigation is awaited: on failure the error
   * is printed, a new browser session is started and the page is loaded once more; if that fails
   * too, the runner marks this one test file failed, with the error, and goes on with the rest.
   * Nothing is retried inside a test file: its tests run once and report as they are.
   */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    try {
      await this.driverManager.startSession(id, url);
    } catch (error) {
      console.error(`\nWebKit: loading ${url} failed (${error?.message ?? error}); starting a new browser session and loading it again.`);
      try {
        await this.driver?.deleteSession();
      } catch {
        // the session is already gone
      }
      if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
      this.driver = undefined;
      this.driverManager = undefined;
      await this.ensureManagerInitialized();
      await this.driverManager.startSession(id, url);
    }
  }

  async stop() {
    try {
      await super.stop();
    } finally {
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
