import { localeInfo } from '../../src/lib/locales';
import type { DiffPart } from '../../src/lib/translation/changes';
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

/** A diff for the terminal: coloured (red deleted, green inserted), or `[-deleted-]{+inserted+}` when piped. */
export function diffForTerminal(parts: readonly DiffPart[], colour: boolean): string {
  return parts
    .map((p) => {
      if (p.op === 'same') return p.text;
      if (colour) return p.op === 'del' ? `\x1b[31;9m${p.text}\x1b[0m` : `\x1b[32;4m${p.text}\x1b[0m`;
      return p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`;
    })
    .join('');
}

/** What `--diff <page>` prints: which version the translation follows, then each changed section. */
export function changesText(s: PairStatus, colour: boolean): string {
  const page = `${s.kind}/${s.slug}`;
  const stale = s.stale;
  if (!stale) return `${page}: ${statusText(s)}; nothing in the original to follow.`;
  if (!stale.sections || !stale.follows)
    return `${page}: ${statusText(s)}\nNo diff is available: without git history (or a translatedFrom that git knows) only dates tell.`;
  const translation = localeInfo[stale.behind].nativeName;
  const original = localeInfo[stale.behind === 'zh' ? 'en' : 'zh'].nativeName;
  const how = stale.follows.by === 'translatedFrom' ? 'its translatedFrom' : "the translation's last commit";
  const head = `${page}: the ${translation} translation follows the ${original} original as of ${stale.follows.hash.slice(0, 7)} (${isoDay(stale.follows.date)}, by ${how}); ${stale.sections.length} section(s) changed since:`;
  const body = stale.sections.map((c) => {
    const title = `${c.change.padEnd(8)} ${c.title ? `“${c.title}”` : 'the introduction'}${c.id ? ` (#${c.id})` : ''}`;
    return c.diff ? `${title}\n  ${diffForTerminal(c.diff, colour).replace(/\n/g, '\n  ')}` : title;
  });
  return [head, ...body].join('\n\n');
}
