/**
 * A portal's web server, as plain as they come: node's http module answering
 * each GET with the file at that path, or 404. No rewrites, no module
 * transforms, no index pages, no fallbacks, nothing a development server does.
 *
 * The site is a temporary folder: the built library (a copy of dist/, taken
 * when the site is made, so that a rebuild by someone else during the test
 * changes nothing) lives in a folder of the portal's choosing, beside which the
 * tests put feeds and pages. Every request is noted, with its answer.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Makes the site: dist/ copied to `libraryPath` (e.g. "cong-thong-tin/tiendo"), and starts serving it on
 * 127.0.0.1. Resolves with { origin, library (its URL, ending in /), put(path, content), requests, close() }.
 */
export async function staticSite(libraryPath = 'cong-thong-tin/tiendo') {
  // TIENDO_DIST_DIR: another build to serve (to see these tests fail on a broken one).
  const dist = process.env.TIENDO_DIST_DIR || join(root, 'dist');
  for (const file of ['tiendo.js', 'index.js', 'builder.html', 'studio.html', 'embed.html']) {
    if (!existsSync(join(dist, file))) throw new Error(`${dist}/${file} is missing: run \`npx vite build\` first`);
  }
  const site = mkdtempSync(join(tmpdir(), 'tiendo-site-'));
  cpSync(dist, join(site, libraryPath), { recursive: true, filter: (src) => !src.startsWith(join(dist, 'cli')) });
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(site, path));
    const inside = file.startsWith(site + sep);
    const found = req.method === 'GET' && inside && existsSync(file) && statSync(file).isFile();
    requests.push({ path, status: found ? 200 : 404 });
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    library: `${origin}/${libraryPath}/`,
    /** Writes a file of the site (a feed, a page) and returns its URL. */
    put(path, content) {
      const file = join(site, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return `${origin}/${path}`;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/** A feed of the demo, for the site. */
export const demoFeed = (name = 'de-an-06.json') => readFileSync(join(root, 'demo/feeds', name));
