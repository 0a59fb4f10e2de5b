import type { PairStatus } from '../../src/lib/translation/status';
import { statusLines, statusSummary } from '../../src/lib/translation/wording';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** What a page needs, in one line for the terminal: the status page's English words, ISO dates. */
export function statusText(s: PairStatus): string {
  return statusLines(s, 'en', isoDay)
    .map((line) => line.text)
    .join('; ');
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
  return [line(head), ...rows.map(line), '', `${root}: ${statusSummary(statuses, 'en')}`].join('\n');
}
