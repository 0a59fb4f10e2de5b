import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type StaticServer } from '../../scripts/lib/serve';

// A built site and, beside it, a folder whose name starts with the site's: dist-e2e and
// dist-e2e-fixture. Nothing of the second may be served from the first.
let work: string;
let server: StaticServer;

/** A raw GET: the path goes out exactly as written, as a hostile client would send it. */
function get(
  p: string,
): Promise<{ status: number; body: string; location: string | undefined; type: string | undefined }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            location: res.headers.location,
            type: res.headers['content-type'],
          }),
        );
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    fs.writeFileSync(path.join(work, rel), text);
  };
  write('dist/index.html', 'home');
  write('dist/404.html', 'the 404 page');
  write('dist/en/lessons/index.html', 'lessons');
  write('dist/pagefind/en/pagefind-entry.json', '{"version":"1"}');
  write('dist/pagefind/en/wasm.en.pagefind', 'wasm');
  write('dist-fixture/secret.txt', 'from the sibling folder');
  write('secret.txt', 'from the parent folder');
  server = await serveDist(path.join(work, 'dist'), '/b/');
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the static server for tests and benchmarks', () => {
  it('serves files and directory indexes under the base path, and counts what it sent', async () => {
    expect(await get('/b/')).toMatchObject({ status: 200, body: 'home' });
    // A directory is its index.html, typed as HTML (a browser downloads anything else).
    expect(await get('/b/en/lessons/')).toMatchObject({
      status: 200,
      body: 'lessons',
      type: expect.stringMatching(/^text\/html/),
    });
    expect(await get('/b/pagefind/en/pagefind-entry.json')).toMatchObject({
      status: 200,
      body: '{"version":"1"}',
      type: 'application/json',
    });
    expect(await get('/b/pagefind/en/wasm.en.pagefind')).toMatchObject({
      status: 200,
      type: 'application/octet-stream',
    });
    expect(server.served).toContainEqual({ path: '/b/en/lessons/', bytes: 'lessons'.length });
  });

  it('redirects a directory without its slash, as GitHub Pages does', async () => {
    expect(await get('/b/en/lessons')).toMatchObject({ status: 301, location: '/b/en/lessons/' });
    expect(await get('/b')).toMatchObject({ status: 301, location: '/b/' });
  });

  it('answers anything else with the site’s 404 page, outside the base path too', async () => {
    expect(await get('/b/en/nothing/')).toMatchObject({ status: 404, body: 'the 404 page' });
    expect(await get('/en/lessons/')).toMatchObject({ status: 404, body: 'the 404 page' });
  });

  it('never serves a file outside the folder, from a sibling whose name starts with its name or from above', async () => {
    for (const p of [
      '/b/..%2Fdist-fixture/secret.txt',
      '/b/%2e%2e/dist-fixture/secret.txt',
      '/b/../dist-fixture/secret.txt',
      '/b/..%2F..%2Fsecret.txt',
      '/b/..%2Fsecret.txt',
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('from the');
    }
  });
});
