import type { Locale } from '../lib/locales';

import { en, type UiKey } from './en';
import { zh } from './zh';

/**
 * Every piece of interface text, once per language (en.ts, zh.ts), read through `t()`. Tag labels
 * are in tags.ts; what the importer writes into notes is the importer's own (src/import/strings.ts).
 */
const tables: Record<Locale, Record<UiKey, string>> = { en, zh };

export type { UiKey };

/**
 * Looks up an interface string and fills `{name}` placeholders.
 * @example t('zh', 'lesson.label', { n: 3 }) // '第 3 课'
 */
export function t(locale: Locale, key: UiKey, values: Record<string, string | number> = {}): string {
  return fill(tables[locale][key], values);
}

/**
 * Fills `{name}` placeholders; one left without a value stays as written, so it shows in review.
 * @example fill('第 {n} 课', { n: 3 }) // '第 3 课'
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export { tagLabel } from './tags';
