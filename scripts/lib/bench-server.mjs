/**
 * A page server for the benches that drive a browser: `/` is the bench page, `/dist/…` the built
 * library, and each extra route a file of the repository. Listens on 127.0.0.1, a random port.
 *
 * `page` may also be a map of paths to pages ({ '/a': html, '/b': html }). With `{ gzip: true }`
 * every answer is compressed (gzip -6, once per body) for a browser that accepts it, as a portal's
 * server would: a bench that emulates a slow network then moves the bytes a reader's phone would.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

/**
 * @param {string} root
 * @param {string | Record<string, string>} page the page at `/`, or pages by path
 * @param {Record<string, string>} routes path → file under root
 * @param {{ gzip?: boolean }} [options]
 */
export function servePage(root, page, routes = {}, { gzip = false } = {}) {
  const dist = join(root, 'dist');
  const pages = typeof page === 'string' ? { '/': page } : page;
  /** @type {Map<string, Buffer>} path → its body's gzip, computed once */
  const packed = new Map();
  const send = (req, res, path, type, body) => {
    const headers = { 'content-type': `${type}; charset=utf-8` };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!packed.has(path)) packed.set(path, gzipSync(body, { level: 6 }));
      body = packed.get(path);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (Object.hasOwn(pages, path)) return send(req, res, path, 'text/html', pages[path]);
    const file = Object.hasOwn(routes, path)
      ? join(root, routes[path])
      : path.startsWith('/dist/')
        ? join(dist, normalize(`/${path.slice(6)}`))
        : undefined;
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      send(req, res, path, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
