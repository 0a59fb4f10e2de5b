import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { serveDist, type StaticServer } from '../lib/serve';

/**
 * How the Lighthouse bench serves the site. GitHub Pages answers over HTTP/2 with TLS: every file
 * of a page comes over one connection. HTTP/1.1 is what `astro preview` and most local servers
 * speak: a browser opens a connection per file in flight, each with its own handshake in
 * Lighthouse's simulation.
 */
export type Protocol = 'h2' | 'http/1.1';

/** Headers about the connection itself, which HTTP/2 does not allow in a response. */
const CONNECTION_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

/** Types of file a static host compresses. */
const TEXT = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg)/;

/**
 * The built site under `base` on loopback as GitHub Pages serves it: text gzipped (Lighthouse's
 * simulation times each request by its transfer size) and, with `h2`, over HTTP/2 with TLS, a
 * throw-away certificate the browser is told to accept (`--ignore-certificate-errors`).
 */
export async function servePagesLike(dist: string, base: string, protocol: Protocol): Promise<StaticServer> {
  const inner = await serveDist(dist, base);
  const handler = (req: { url?: string | undefined; headers: http.IncomingHttpHeaders }, res: ServerResponse) => {
    const upstream = http.get(`${inner.origin}${req.url ?? '/'}`, (up) => {
      const headers: http.OutgoingHttpHeaders = { ...up.headers };
      if (protocol === 'h2') for (const name of CONNECTION_HEADERS) delete headers[name];
      const gzip =
        TEXT.test(String(up.headers['content-type'] ?? '')) &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (!gzip) {
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        return;
      }
      delete headers['content-length'];
      res.writeHead(up.statusCode ?? 502, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      up.pipe(createGzip({ level: 9 })).pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
  };
  const sessions = new Set<http2.ServerHttp2Session>();
  const server =
    protocol === 'h2'
      ? http2.createSecureServer(selfSignedCertificate(), handler).on('session', (s) => {
          sessions.add(s);
          s.on('close', () => sessions.delete(s));
        })
      : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${protocol === 'h2' ? 'https' : 'http'}://127.0.0.1:${port}`,
    served: inner.served,
    close: async () => {
      // An HTTP/2 server waits for its sessions, which a browser keeps open.
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inner.close();
    },
  };
}

/** What the handler needs of a response, whichever protocol's it is. */
interface ServerResponse extends NodeJS.WritableStream {
  writeHead(status: number, headers?: http.OutgoingHttpHeaders): unknown;
}

/** A certificate for 127.0.0.1, valid for a day, made by openssl in a folder removed at once. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-host-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'];
    const made = spawnSync(
      'openssl',
      [...args, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      },
    );
    if (made.error || made.status !== 0)
      throw new Error(
        `the Lighthouse bench serves the site over HTTP/2 with TLS, as GitHub Pages does, and makes its certificate with openssl, which failed here (${made.error?.message ?? made.stderr.trim()}): install openssl (apt-get install openssl)`,
      );
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
