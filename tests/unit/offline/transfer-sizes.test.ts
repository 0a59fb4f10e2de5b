import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { TransferSizes } from '../../../src/integrations/offline/transfer-sizes';

const page = (build: string, text = 'a lesson') =>
  Buffer.from(`<html><body data-meta-cache-tag="${build}"><p>${text.repeat(50)}</p></body></html>`);

describe('the offline manifests’ transfer sizes', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const cacheDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transfer-sizes-'));
    made.push(dir);
    return dir;
  };
  /** The kept file, each size replaced: what the next build reads must come from it. */
  const tamper = (dir: string, size: number) => {
    const file = path.join(dir, 'offline-transfer-sizes.json');
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(Object.keys(kept).map((k) => [k, size]))));
    return Object.keys(kept);
  };

  it('are gzip’s, the first time a content is seen', () => {
    const body = page('aaaaaaaaaaaa');
    expect(TransferSizes.load(cacheDir()).gzipSize(body)).toBe(gzipSync(body, { level: 6 }).length);
  });

  it('are kept for the next build, for a page that differs only by the build’s name', () => {
    const dir = cacheDir();
    const first = TransferSizes.load(dir);
    first.gzipSize(page('aaaaaaaaaaaa'));
    first.save();
    tamper(dir, 7);
    const next = TransferSizes.load(dir);
    expect(next.gzipSize(page('bbbbbbbbbbbb'))).toBe(7);
    // A page whose text changed is sized again.
    const edited = page('bbbbbbbbbbbb', 'an edited lesson');
    expect(next.gzipSize(edited)).toBe(gzipSync(edited, { level: 6 }).length);
  });

  it('keep only what the last build used', () => {
    const dir = cacheDir();
    const first = TransferSizes.load(dir);
    first.gzipSize(page('aaaaaaaaaaaa', 'one'));
    first.gzipSize(page('aaaaaaaaaaaa', 'two'));
    first.save();
    const next = TransferSizes.load(dir);
    next.gzipSize(page('bbbbbbbbbbbb', 'two'));
    next.save();
    expect(tamper(dir, 1)).toHaveLength(1);
  });

  it('are all measured when there is no cache folder or its file does not read', () => {
    const dir = cacheDir();
    fs.writeFileSync(path.join(dir, 'offline-transfer-sizes.json'), '{ not json');
    const body = page('aaaaaaaaaaaa');
    for (const sizes of [TransferSizes.load(undefined), TransferSizes.load(dir)])
      expect(sizes.gzipSize(body)).toBe(gzipSync(body, { level: 6 }).length);
  });
});
