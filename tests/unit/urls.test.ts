import { describe, expect, it } from 'vitest';
import { localizedPath, normalizeBase, parallelPath, withBase } from '../../src/lib/urls';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['fastai-notes', '/fastai-notes/'],
    ['/fastai-notes', '/fastai-notes/'],
    ['/fastai-notes/', '/fastai-notes/'],
    [' /a/b/ ', '/a/b/'],
  ])('%j -> %s', (input, expected) => {
    expect(normalizeBase(input)).toBe(expected);
  });
});

describe('withBase', () => {
  it('prefixes site paths with the base', () => {
    expect(withBase('/en/lessons/', '/fastai-notes/')).toBe('/fastai-notes/en/lessons/');
    expect(withBase('en/lessons/', '/fastai-notes')).toBe('/fastai-notes/en/lessons/');
  });

  it('works at the root', () => {
    expect(withBase('/en/', '/')).toBe('/en/');
  });

  it('leaves external links, anchors and already-prefixed paths alone', () => {
    expect(withBase('https://youtu.be/x', '/b/')).toBe('https://youtu.be/x');
    expect(withBase('//cdn.example/x', '/b/')).toBe('//cdn.example/x');
    expect(withBase('mailto:a@b.c', '/b/')).toBe('mailto:a@b.c');
    expect(withBase('#top', '/b/')).toBe('#top');
    expect(withBase('/b/en/', '/b/')).toBe('/b/en/');
  });

  it('does not mistake a path that only starts like the base for a prefixed one', () => {
    expect(withBase('/base-other/x', '/base/')).toBe('/base/base-other/x');
  });
});

describe('localizedPath', () => {
  it('builds every kind of page for both locales', () => {
    expect(localizedPath('zh', 'home')).toBe('/zh/');
    expect(localizedPath('en', 'lessons')).toBe('/en/lessons/');
    expect(localizedPath('zh', 'lessons', 'lesson-1')).toBe('/zh/lessons/lesson-1/');
    expect(localizedPath('en', 'status')).toBe('/en/status/');
    expect(parallelPath('en', 'log', '2023-05-26-2')).toBe('/en/log/2023-05-26-2/parallel/');
    expect(localizedPath('en', 'log', '2023-05-26-2')).toBe('/en/log/2023-05-26-2/');
    expect(localizedPath('en', 'notes', 'fastai-code')).toBe('/en/notes/fastai-code/');
  });
});
