import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveDist, type StaticServer } from '../../../scripts/lib/serve';

/**
 * One origin in front of several built sites, for the offline reader's tests: a service worker
 * belongs to its origin, so "a new deploy" is the same address answering from another build.
 * The server can also go offline (every connection dropped) and hold requests until released.
 */
export interface SwitchServer {
  origin: string;
  /** Answers from this site from now on. */
  use(name: string): void;
  /** The static server behind a site: what it has answered. */
  site(name: string): StaticServer;
  /** Requests whose path matches wait until the returned function is called. */
  hold(pattern: RegExp): () => void;
  close(): Promise<void>;
}

export async function switchServer(sites: Record<string, { dir: string; base: string }>): Promise<SwitchServer> {
  const backends = new Map<string, StaticServer>();
  for (const [name, { dir, base }] of Object.entries(sites)) backends.set(name, await serveDist(dir, base));
  let current = Object.keys(sites)[0]!;
  const holds: { pattern: RegExp; released: Promise<void> }[] = [];
  const server = http.createServer((req, res) => {
    const target = new URL(backends.get(current)!.origin);
    const path = req.url ?? '/';
    const waits = holds.filter((h) => h.pattern.test(path)).map((h) => h.released);
    void Promise.all(waits).then(() => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    use(name) {
      if (!backends.has(name)) throw new Error(`no site named ${name}`);
      current = name;
    },
    site: (name) => backends.get(name)!,
    hold(pattern) {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const entry = { pattern, released };
      holds.push(entry);
      return () => {
        holds.splice(holds.indexOf(entry), 1);
        release();
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...backends.values()].map((b) => b.close()));
    },
  };
}
