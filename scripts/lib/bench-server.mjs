/**
 * A page server for the benches that drive a browser: `/` is the bench page, `/dist/…` the built
 * library, and each extra route a file of the repository. Listens on 127.0.0.1, a random port.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

/** @param {string} root @param {string} page @param {Record<string, string>} routes path → file under root */
export function servePage(root, page, routes = {}) {
  const dist = join(root, 'dist');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    const file = Object.hasOwn(routes, path)
      ? join(root, routes[path])
      : path.startsWith('/dist/')
        ? join(dist, normalize(`/${path.slice(6)}`))
        : undefined;
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
