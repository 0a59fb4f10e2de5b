import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { languageManifest, SiteFiles } from '../../../src/integrations/offline/site-files';
import { TransferSizes } from '../../../src/integrations/offline/transfer-sizes';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Pages of a megabyte of Chinese text each (two bytes a character in V8's memory). */
const PAGES = 24;
fs.mkdirSync(path.join(root, '_astro'), { recursive: true });
fs.writeFileSync(path.join(root, '_astro', 'site.css'), 'body{}');
fs.writeFileSync(path.join(root, 'index.html'), '<title>首页 · 笔记</title>');
for (let i = 0; i < PAGES; i++) {
  fs.mkdirSync(path.join(root, 'zh', String(i)), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'zh', String(i), 'index.html'),
    `<html><head><title>第 ${i} 课 · 用迁移学习做图像分类 · 笔记</title><link rel="stylesheet" href="/b/_astro/site.css"></head>` +
      `<body><p>${'梯度下降'.repeat(128 * 1024)}</p></body></html>`,
  );
}

describe('offline manifest of a language', () => {
  it('lists the pages by title and what they load, and keeps none of the pages’ text', () => {
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const files = new SiteFiles(root, '/b/', TransferSizes.load(undefined));
    const manifest = languageManifest(files, 'zh', 'abcdefabcdef', '笔记', new Set());
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(manifest.pages).toHaveLength(PAGES + 1);
    expect(manifest.pages.find((p) => p.url === '/b/zh/3/')?.title).toBe('第 3 课 · 用迁移学习做图像分类');
    expect(manifest.files.map((f) => f.url)).toContain('/b/_astro/site.css');
    // Each page is a megabyte; a title that was a piece of its page's text kept all of it.
    expect(kept).toBeLessThan(4 * 1024 * 1024);
  });
});
