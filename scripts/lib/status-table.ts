import type { PairStatus } from '../../src/lib/translation/status';
import { localeInfo, type Locale } from '../../src/lib/locales';

const day = (d: Date) => d.toISOString().slice(0, 10);
const name = (l: Locale) => localeInfo[l].nativeName;

/** What a page needs, in one line of plain English for the terminal. */
export function statusText(s: PairStatus): string {
  if (s.missing) return `only ${name(s.missing === 'zh' ? 'en' : 'zh')}: ${name(s.missing)} missing`;
  const parts: string[] = [];
  if (s.stale) {
    const ahead = s.stale.behind === 'zh' ? 'en' : 'zh';
    parts.push(
      `stale: ${name(ahead)} changed ${day(s.stale.changed)}, ${name(s.stale.behind)} last ${day(s.stale.since)} (${s.stale.by === 'git' ? 'git' : 'updated:'})`,
    );
  }
  for (const [locale, titles] of Object.entries(s.onlyIn) as [Locale, string[]][]) {
    parts.push(
      `${titles.length} section(s) only in ${name(locale)}: ${titles.map((t) => `"${t || 'intro'}"`).join(', ')}`,
    );
  }
  return parts.length ? parts.join('; ') : 'complete';
}

/** The status of every page as an aligned text table with a summary line. */
export function statusTable(statuses: readonly PairStatus[], root: string): string {
  const rows = statuses.map((s) => [
    s.kind,
    s.slug,
    s.titles.zh ? '✓' : '—',
    s.titles.en ? '✓' : '—',
    `${s.rows.shared}/${s.rows.total}`,
    statusText(s),
  ]);
  const head = ['kind', 'page', 'zh', 'en', 'rows', 'status'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(width[i]! - [...c].length))).join('  ');
  const count = (f: (s: PairStatus) => boolean) => statuses.filter(f).length;
  const summary = `${statuses.length} pages in ${root}: ${count((s) => s.complete)} complete, ${count((s) => Boolean(s.missing))} in one language only, ${count((s) => Object.keys(s.onlyIn).length > 0)} with sections in one language only, ${count((s) => Boolean(s.stale))} stale`;
  return [line(head), ...rows.map(line), '', summary].join('\n');
}
