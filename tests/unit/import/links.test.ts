import { describe, expect, it } from 'vitest';
import { imageOutput, indexSource, missingImageUrl, resolveLocal } from '../../../src/import/images';
import { fixBareUrl, rewriteLinks } from '../../../src/import/links';
import { destinationStart, mdAlt, mdDest, mdImage } from '../../../src/lib/markdown/syntax';
import { parse } from '../../../src/lib/markdown/parse';
import { applyEdits } from '../../../src/lib/text-edits';

const index = indexSource([
  'README.md',
  'chinese/Lesson3.md',
  'chinese/lesson3/5.png',
  'chinese/lesson3/2.png',
  'lesson8/lesson8.md',
  'lesson8/Snipaste_2021-09-28_11-00-21.png',
  'notes/lesson6/image-20210923134709896.png',
  'img/a b.png',
]);

describe('resolveLocal', () => {
  it('resolves relative paths from the note, then from the root', () => {
    expect(resolveLocal('./lesson3/5.png', 'chinese/Lesson3.md', index)).toEqual({
      kind: 'found',
      rel: 'chinese/lesson3/5.png',
    });
    expect(resolveLocal('img/a%20b.png', 'chinese/Lesson3.md', index)).toEqual({ kind: 'found', rel: 'img/a b.png' });
  });

  it('resolves /absolute paths written for a GitHub repository from the root or the note folder', () => {
    expect(resolveLocal('/lesson8/lesson8.md', 'README.md', index)).toEqual({
      kind: 'found',
      rel: 'lesson8/lesson8.md',
    });
    expect(resolveLocal('/lesson3/5.png', 'chinese/Lesson3.md', index)).toEqual({
      kind: 'found',
      rel: 'chinese/lesson3/5.png',
    });
  });

  it('resolves ../ that climbs one folder too many', () => {
    expect(resolveLocal('../lesson3/2.png', 'chinese/Lesson3.md', index)).toEqual({
      kind: 'found',
      rel: 'chinese/lesson3/2.png',
    });
  });

  it('finds a file written as a path on the author’s PC by its tail', () => {
    const url = 'J:\\学习资料\\notes\\lesson6\\image-20210923134709896.png';
    expect(resolveLocal(url, 'chinese/Lesson6.md', index)).toEqual({
      kind: 'found',
      rel: 'notes/lesson6/image-20210923134709896.png',
    });
    expect(resolveLocal('C:\\Users\\me\\Desktop\\1.png', 'a.md', index)).toEqual({ kind: 'missing' });
  });

  it('treats URLs and in-page anchors as external, and never leaves the source folder', () => {
    expect(resolveLocal('https://example.com/a.png', 'a.md', index)).toEqual({ kind: 'external' });
    expect(resolveLocal('#section', 'a.md', index)).toEqual({ kind: 'external' });
    expect(resolveLocal('../../etc/passwd', 'a.md', index)).toEqual({ kind: 'missing' });
  });
});

describe('image placement', () => {
  it('copies beside the note, keeping the path below the note’s folder', () => {
    expect(imageOutput('chinese/lesson3/5.png', 'chinese/Lesson3.md', 'lessons/zh', 'lesson-3')).toEqual({
      outPath: 'lessons/zh/lesson-3/lesson3/5.png',
      url: 'lesson-3/lesson3/5.png',
    });
    expect(imageOutput('img/a b.png', 'chinese/Lesson3.md', 'lessons/zh', 'lesson-3').outPath).toMatch(
      /^lessons\/zh\/lesson-3\/_root\/img\/a-b-[0-9a-f]{8}\.png$/,
    );
  });

  it('keeps a missing image’s path visible and relative, so the site shows its placeholder', () => {
    const note = 'lessons/zh/lesson-1.md';
    expect(missingImageUrl('lesson1/127.png', note)).toBe('lesson1/127.png');
    expect(missingImageUrl('/lesson6/33.png', note)).toBe('./lesson6/33.png');
    expect(missingImageUrl('J:\\notes\\a.png', note)).toBe('./J:\\notes\\a.png');
    expect(missingImageUrl('../figures/a.png', note)).toBe('../figures/a.png');
  });

  it('never writes a path that leads out of the notes folder', () => {
    const note = 'lessons/zh/lesson-1.md';
    expect(missingImageUrl('../../../../tmp/x.png', note)).toBe('./tmp/x.png');
    expect(missingImageUrl('../../../x.png', note)).toBe('./x.png');
    expect(missingImageUrl('..\\..\\..\\secret.png', note)).toBe('./secret.png');
  });
});

describe('Markdown link syntax', () => {
  it('writes destinations, titles and alt text that parse back exactly', () => {
    expect(mdDest('a b.png')).toBe('<a b.png>');
    expect(mdDest('gif.latex?a&amp;b')).toBe('gif.latex?a\\&amp;b');
    expect(mdAlt('a_1 [x] $y$')).toBe('a\\_1 \\[x\\] \\$y\\$');
    const md = mdImage('x (1).png', 'y = a_1x', 'T "q" \\vec{a}');
    const image = parse(md, { math: true }).children[0];
    expect(image?.type === 'paragraph' && image.children[0]).toMatchObject({
      type: 'image',
      url: 'x (1).png',
      alt: 'y = a_1x',
      title: 'T "q" \\vec{a}',
    });
  });

  it('finds where a link’s destination starts', () => {
    expect(destinationStart('[a [b] `]`](u)')).toBe(11);
    expect(destinationStart('![x](u)')).toBe(4);
    expect(destinationStart('[ref][id]')).toBe(-1);
  });
});

describe('bare URLs', () => {
  it('cuts a URL where Chinese text follows it without a space', () => {
    expect(fixBareUrl('https://images.google.com/，输入')).toBe('<https://images.google.com/>，输入');
    expect(fixBareUrl('https://example.com/a.b.中文')).toBe('<https://example.com/a.b>.中文');
    expect(fixBareUrl('https://example.com/path')).toBe('https://example.com/path');
  });

  it('is applied to autolinked text in a note', () => {
    const md = '参考 https://images.google.com/，然后 [link](https://x.org) 和 `https://code.example/中文`';
    const out = applyEdits(md, rewriteLinks(md, parse(md, { math: true }), ctx('notes/zh/a.md')));
    expect(out).toBe('参考 <https://images.google.com/>，然后 [link](https://x.org) 和 `https://code.example/中文`');
  });
});

function ctx(outPath: string, unresolved: string[] = [], removed: string[] = []) {
  const imported = new Map([
    ['lesson8/lesson8.md', 'lessons/zh/lesson-8.md'],
    ['chinese/Lesson3.md', 'lessons/zh/lesson-3.md'],
  ]);
  return {
    noteRel: 'README.md',
    index,
    outPath,
    imported,
    unresolved: (url: string) => unresolved.push(url),
    removed: (what: string) => removed.push(what),
  };
}

describe('links between notes', () => {
  it('points links to imported notes at their new files and reports the rest', () => {
    const md =
      '[8](./lesson8/lesson8.md) [3](/chinese/Lesson3.md#part "t") [10](./lesson10/lesson10.md) [web](https://x.org) [log](/zh/log/)';
    const unresolved: string[] = [];
    const out = applyEdits(md, rewriteLinks(md, parse(md, { math: true }), ctx('notes/zh/readme.md', unresolved)));
    expect(out).toBe(
      '[8](../../lessons/zh/lesson-8.md) [3](../../lessons/zh/lesson-3.md#part "t") [10](./lesson10/lesson10.md) [web](https://x.org) [log](/zh/log/)',
    );
    expect(unresolved).toEqual(['./lesson10/lesson10.md']);
  });

  it('writes an unresolved link to the repository root relative to the notes folder, and reports it', () => {
    const md = '[this](/lesson6/33.png) and the [folder](/chinese)';
    const unresolved: string[] = [];
    const out = applyEdits(md, rewriteLinks(md, parse(md, { math: true }), ctx('lessons/zh/lesson-6.md', unresolved)));
    expect(out).toBe('[this](../../lesson6/33.png) and the [folder](../../chinese)');
    expect(unresolved).toEqual(['/lesson6/33.png', '/chinese']);
  });
});

describe('script links written in Markdown', () => {
  it('keeps the text and drops javascript:, vbscript: and data: targets', () => {
    const md =
      '[click](javascript:alert(1)) <javascript:alert(2)> [ref][x] [ok](https://x.org)\n\n[x]: JaVaScRiPt:alert(3)';
    const removed: string[] = [];
    const out = applyEdits(md, rewriteLinks(md, parse(md, { math: true }), ctx('notes/zh/a.md', [], removed)));
    expect(out).toBe('click javascript\\:alert(2) [ref][x] [ok](https://x.org)\n\n[x]: #');
    expect(removed).toEqual([
      'javascript: URL in a Markdown link',
      'javascript: URL in a Markdown link',
      'javascript: URL in a link definition',
    ]);
  });
});
