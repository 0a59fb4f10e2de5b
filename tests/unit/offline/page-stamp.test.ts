import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampBuildName } from '../../../src/integrations/offline/page-stamp';
import { UNSTAMPED } from '../../../src/lib/offline/config';

describe('the build’s name on the pages', () => {
  it('is written into every page in place of the placeholder, or of an earlier build’s name', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stamp-'));
    try {
      const page = (tag: string, filler = '') =>
        `<!DOCTYPE html><html><body>${filler}<dialog data-meta-cache-tag="${tag}"></dialog><p>text</p></body></html>`;
      fs.mkdirSync(path.join(root, 'en', 'a'), { recursive: true });
      fs.writeFileSync(path.join(root, 'en', 'a', 'index.html'), page(UNSTAMPED));
      // Beyond the first 64 KB, and a page kept from the last build with its name.
      fs.writeFileSync(path.join(root, 'long.html'), page('0123456789ab', 'x'.repeat(70_000)));
      fs.writeFileSync(path.join(root, 'plain.html'), '<p>no dialog</p>');
      expect(await stampBuildName(root, 'feedc0ffee12')).toBe(2);
      expect(fs.readFileSync(path.join(root, 'en', 'a', 'index.html'), 'utf8')).toBe(page('feedc0ffee12'));
      expect(fs.readFileSync(path.join(root, 'long.html'), 'utf8')).toBe(page('feedc0ffee12', 'x'.repeat(70_000)));
      expect(fs.readFileSync(path.join(root, 'plain.html'), 'utf8')).toBe('<p>no dialog</p>');
      await expect(stampBuildName(root, 'short')).rejects.toThrow(/12 characters/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
