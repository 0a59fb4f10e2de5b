import type { Locale } from '../lib/locales';
import { fill } from '../i18n/ui';

/** What the importer writes into the notes it makes, in the note's language. */
const strings = {
  en: {
    'import.lessonSummary': 'Notes on lesson {n}.',
    'import.logMoved': 'The {count} dated entries that were here are now in the [study log]({url}).',
  },
  zh: {
    'import.lessonSummary': '第 {n} 课的学习笔记。',
    'import.logMoved': '这里的 {count} 篇每日记录已导入为[学习日志]({url})。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ImportKey = keyof (typeof strings)['en'];

/**
 * An importer string with its `{name}` placeholders filled.
 * @example importText('zh', 'import.lessonSummary', { n: 3 }) // '第 3 课的学习笔记。'
 */
export function importText(locale: Locale, key: ImportKey, values: Record<string, string | number> = {}): string {
  return fill(strings[locale][key], values);
}
