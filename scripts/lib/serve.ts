import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  /** Every file answered so far, with its size: lets benchmarks count bytes per interaction. */
  served: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback the way GitHub Pages does: under a base path, a directory
 * answers with its index.html (and `/dir` redirects to `/dir/`), anything else gets the site's
 * 404.html with status 404. Files are answered by sirv, which lists the folder once at start and
 * serves only what it listed, so no request path can reach outside it (a sibling `dist-e2e-mini`
 * of `dist-e2e` included). With `pagesCaching`, every file also says what GitHub Pages says of
 * caching (`Cache-Control: max-age=600`); by default a file says nothing of it, so a test that
 * serves a later build at the same address never gets an earlier one from the browser's cache.
 */
export async function serveDist(dir: string, base = '/', { pagesCaching = false } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const directories = new Set(
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `/${path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`),
  );
  const notFoundPage = path.join(root, '404.html');
  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(fs.existsSync(notFoundPage) ? fs.readFileSync(notFoundPage) : 'not found');
  };
  const served: { path: string; bytes: number }[] = [];
  const sizes = new WeakMap<http.ServerResponse, number>();
  const files = sirv(root, {
    dev: false,
    etag: false,
    setHeaders: (res, pathname, stats) => {
      sizes.set(res, stats.size);
      if (pagesCaching) res.setHeader('cache-control', 'max-age=600');
      // Pagefind's index and WebAssembly files, a notebook download: no registered type, so bytes rather than none.
      // A directory's pathname (`/en/`) has no extension: sirv has already typed its index.html.
      if (path.extname(pathname) && !lookup(pathname)) res.setHeader('content-type', 'application/octet-stream');
    },
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (`${url.pathname}/` === prefix) return redirect(res, prefix);
    if (!url.pathname.startsWith(prefix)) return notFound(res);
    const rel = url.pathname.slice(prefix.length - 1);
    if (directories.has(safeDecode(rel))) return redirect(res, `${url.pathname}/${url.search}`);
    res.on('finish', () => {
      const bytes = sizes.get(res);
      if (res.statusCode === 200 && bytes !== undefined) served.push({ path: url.pathname, bytes });
    });
    req.url = rel + url.search;
    files(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(301, { location });
  res.end();
}

function safeDecode(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}
