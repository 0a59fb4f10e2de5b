import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFragmentReader } from '../../src/client/pagefind-fragments';
import { searchIndex } from '../../src/integrations/search-index';
import { excerptAtWords } from '../../src/lib/search/excerpt';
import type { PagefindFragment, PagefindLike } from '../../src/lib/search/types';

/**
 * The search reads result text from the bundle's fragment files itself (pagefind-fragments.ts).
 * These tests build real bundles with the site's indexing, run Pagefind's own browser runtime on
 * them (it runs in Node, given a fetch), and hold the two readings equal.
 */

const base = '/notes/';
let dist = '';
/** Whether the stand-in server sends fragments already gunzipped, as with Content-Encoding: gzip. */
let gunzipOnServer = false;

const page = (lang: string, body: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body><main data-pagefind-body>${body}</main></body></html>`;

function writeSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-fragments-'));
  const pages: [string, string, string][] = [
    ['zh', 'a', '<h1>梯度下降</h1><p>用 SGD 优化器做梯度下降，学习率 &lt;b&gt; 要小。</p>'],
    ['zh', 'b', `<h1>第二课</h1><p>${'先讲数据。'.repeat(20)}再讲梯度下降和学习率。</p>`],
    ['en', 'a', '<h1>Gradient descent</h1><p>Descent with a <b>learning rate</b> &lt;lr&gt; that is small.</p>'],
    ['en', 'b', `<h1>Lesson two</h1><p>${'First the data. '.repeat(20)}Then learning rates and gradient descent.</p>`],
  ];
  for (const [lang, name, body] of pages) {
    fs.mkdirSync(path.join(dir, lang, name), { recursive: true });
    fs.writeFileSync(path.join(dir, lang, name, 'index.html'), page(lang === 'zh' ? 'zh-CN' : 'en', body));
  }
  return dir;
}

const realFetch = globalThis.fetch;
const runtimes = new Map<string, PagefindLike>();

beforeAll(async () => {
  dist = writeSite();
  const hook = searchIndex().hooks['astro:build:done'] as unknown as (o: unknown) => Promise<void>;
  await hook({ dir: pathToFileURL(`${dist}/`), logger: { info: () => {} } });
  globalThis.fetch = (async (input: string | URL) => {
    const file = path.join(dist, new URL(String(input), 'http://x').pathname.slice(base.length));
    if (!fs.existsSync(file)) return new Response('not found', { status: 404 });
    const bytes = fs.readFileSync(file);
    return new Response(gunzipOnServer && file.endsWith('.pf_fragment') ? zlib.gunzipSync(bytes) : bytes);
  }) as typeof fetch;
  for (const lang of ['zh', 'en']) {
    // One module per language, as the site imports it (Pagefind keeps its WebAssembly per module).
    const runtime = (await import(`${pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href}?${lang}`)) as {
      createInstance(o: object): PagefindLike & { init(): Promise<void> };
    };
    const instance = runtime.createInstance({ basePath: `${base}pagefind/${lang}/`, noWorker: true });
    await instance.init();
    runtimes.set(lang, instance);
  }
}, 60_000);

afterAll(() => {
  globalThis.fetch = realFetch;
  fs.rmSync(dist, { recursive: true, force: true });
});

async function both(lang: string, term: string): Promise<[PagefindFragment[], PagefindFragment[]]> {
  const pagefind = runtimes.get(lang)!;
  const ours = withFragmentReader(pagefind, `${base}pagefind/${lang}/`);
  const [a, b] = await Promise.all([pagefind.search(term), ours.search(term)]);
  expect(a!.results.length).toBeGreaterThan(0);
  return [await Promise.all(a!.results.map((r) => r.data())), await Promise.all(b!.results.map((r) => r.data()))];
}

/** What search reads of a result, but the excerpt. */
const fields = ({ url, content, meta, filters }: PagefindFragment) => ({ url, content, meta, filters });

describe('reading result text from the fragment files', () => {
  for (const [lang, term] of [
    ['zh', '梯 度 下 降'],
    ['zh', '"学 习 率"'],
    ['en', 'gradient descent'],
    ['en', 'learning'],
  ] as const) {
    it(`gives what Pagefind's data() gives for ${lang} “${term}”`, async () => {
      const [theirs, ours] = await both(lang, term);
      expect(ours.map(fields)).toEqual(theirs.map(fields));
      expect(ours[0]!.url.startsWith(`${base}${lang}/`)).toBe(true);
      // A page shorter than an excerpt is shown whole: there the two excerpts must be the same
      // text with the same words marked (escaping and joining as Pagefind does).
      const short = theirs.findIndex((f) => f.content.length < 100);
      expect(short).toBeGreaterThanOrEqual(0);
      expect(ours[short]!.excerpt).toBe(theirs[short]!.excerpt);
      expect(ours[short]!.excerpt).toContain('<mark>');
    });
  }

  it('falls back to Pagefind’s reading when a server sent the fragments already gunzipped', async () => {
    gunzipOnServer = true;
    try {
      const [theirs, ours] = await both('en', 'descent');
      expect(ours.map(fields)).toEqual(theirs.map(fields));
    } finally {
      gunzipOnServer = false;
    }
  });

  it('falls back to Pagefind’s data() for a fragment it cannot read, and keeps to it', async () => {
    let asked = 0;
    const stub: PagefindLike = {
      search: async () => ({
        results: [1, 2].map((n) => ({
          id: `missing${n}`,
          score: 1,
          words: [0],
          data: async () => {
            asked++;
            return { url: `/p${n}/`, content: 'x', meta: {} };
          },
        })),
      }),
    };
    const found = await withFragmentReader(stub, `${base}pagefind/en/`).search('x');
    expect((await found!.results[0]!.data()).url).toBe('/p1/');
    expect((await found!.results[1]!.data()).url).toBe('/p2/');
    expect(asked).toBe(2);
  });
});

describe('excerptAtWords', () => {
  it('starts a little before the first match and marks every match in the window', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(excerptAtWords(words, [50, 52, 90], 12)).toBe(
      'w48 w49 <mark>w50</mark> w51 <mark>w52</mark> w53 w54 w55 w56 w57 w58 w59',
    );
    expect(excerptAtWords(words, [98], 10)).toBe('w90 w91 w92 w93 w94 w95 w96 w97 <mark>w98</mark> w99');
    expect(excerptAtWords('a <b> c', [1])).toBe('a <mark>&lt;b&gt;</mark> c');
    expect(excerptAtWords('学\u200b习\u200b率', [1, 2])).toBe('学<mark>习</mark><mark>率</mark>');
  });
});
