import { describe, expect, it } from 'vitest';
import { isLocale, localeInfo, locales, otherLocale, splitEntryId } from '../../src/lib/locales';

describe('locales', () => {
  it('has Chinese and English with their html lang tags', () => {
    expect([...locales].sort()).toEqual(['en', 'zh']);
    expect(localeInfo.zh.htmlLang).toBe('zh-CN');
    expect(localeInfo.en.htmlLang).toBe('en');
  });

  it('switches to the other language', () => {
    expect(otherLocale('zh')).toBe('en');
    expect(otherLocale('en')).toBe('zh');
  });

  it('recognises only known locales', () => {
    expect(isLocale('zh')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('splits entry ids into locale and slug, keeping nested folders', () => {
    expect(splitEntryId('zh/lesson-1')).toEqual({ locale: 'zh', slug: 'lesson-1' });
    expect(splitEntryId('en/extra/lesson-12')).toEqual({ locale: 'en', slug: 'extra/lesson-12' });
  });

  it('names the entry and the fix when a file is outside a language folder', () => {
    expect(() => splitEntryId('lesson-1')).toThrow(/lesson-1.*zh\/ or en\//);
    expect(() => splitEntryId('fr/lesson-1')).toThrow(/fr\/lesson-1/);
  });
});
