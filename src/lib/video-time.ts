/**
 * Video timestamps as lecture notes write them: `[[5:27](https://youtu.be/ID?t=327)]`, a link whose
 * text is a clock time, usually inside square brackets (the importer escapes those as `\[…\]`);
 * also `[[5:27]](url)` (the brackets inside the link), a bare `[5:27](url)`, and `(5:27)` at the
 * end of a heading, a time in the lesson's video. Pure functions shared by the Markdown plugin, the
 * VideoTime component and section alignment.
 */

/** A timestamp mark: the clock as written, its offset in seconds, and where it leads. */
export interface VideoTime {
  /** The clock as the author wrote it, e.g. `5:27` or `1:02:03`. */
  clock: string;
  /** Offset into the video in seconds, read from the clock. */
  seconds: number;
  /** The link target (the video at that time). */
  href: string;
}

/** A mark found in Markdown source, with its place in the text. */
export interface VideoTimeMark extends VideoTime {
  /** Offset of the mark's first character (the outer `[` or `\[` when present). */
  index: number;
  /** Length of the whole mark, brackets included. */
  length: number;
}

const CLOCK = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/;

/**
 * Seconds in a clock time, or undefined when the text is not one.
 * @example clockSeconds('5:27') // 327
 * @example clockSeconds('1:02:03') // 3723
 */
export function clockSeconds(text: string): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m?.[2] || !m[3]) return undefined;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s > 59 || (m[1] !== undefined && min > 59)) return undefined;
  return h * 3600 + min * 60 + s;
}

/**
 * A clock time for an offset in seconds, as lecture notes write it.
 * @example formatClock(327) // '5:27'
 * @example formatClock(3723) // '1:02:03'
 */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/**
 * Reads a link as a timestamp: its text must be a clock and its target a web address.
 * @example videoTime('5:27', 'https://youtu.be/ID?t=327') // { clock: '5:27', seconds: 327, href: '…' }
 * @example videoTime('Lesson 5', 'https://youtu.be/ID') // undefined
 */
export function videoTime(text: string, href: string): VideoTime | undefined {
  // `[[5:27]](url)`: the author's brackets are inside the link.
  const clock = text.trim().replace(/^\\?\[\s*(.*?)\s*\\?\]$/, '$1');
  const seconds = clockSeconds(clock);
  if (seconds === undefined || !/^https?:\/\//i.test(href)) return undefined;
  return { clock, seconds, href };
}

/**
 * The address of a video at a time: YouTube's `t` parameter, replacing any there.
 * @example videoAt('https://youtu.be/ID', 327) // 'https://youtu.be/ID?t=327'
 */
export function videoAt(video: string, seconds: number): string {
  const url = new URL(video);
  url.searchParams.set('t', String(Math.floor(seconds)));
  return url.toString();
}

const CLOCK_TEXT = String.raw`\d{1,2}(?::\d{2}){1,2}`;
// `[[5:27](url)]`, `\[[5:27](url)\]`, `[[5:27]](url)` or a bare `[5:27](url)`; the URL has no
// spaces or parentheses. Groups: outer `[`, clock, clock in bracketed link text, URL, outer `]`.
const MARK = new RegExp(
  String.raw`(\\?\[)?\[(?:(${CLOCK_TEXT})|\\?\[(${CLOCK_TEXT})\\?\])\]\(\s*<?(https?:\/\/[^\s()<>]+)>?\s*\)(\\?\])?`,
  'gi',
);

// `## Forum tips (0:17)`: a clock in parentheses (ASCII or full-width) ending a heading.
const TRAILING_CLOCK = new RegExp(String.raw`\s*[(（]\s*(${CLOCK_TEXT})\s*[)）]\s*$`);

/**
 * The clock in parentheses that ends a heading's text, `(0:17)` or `（0:17）`: a time in the
 * lesson's own video. `index` is where the mark (with the space before it) starts.
 * @example trailingClock('Forum tips (0:17)') // { clock: '0:17', seconds: 17, index: 10 }
 */
export function trailingClock(text: string): { clock: string; seconds: number; index: number } | undefined {
  const m = TRAILING_CLOCK.exec(text);
  const seconds = m?.[1] ? clockSeconds(m[1]) : undefined;
  if (!m?.[1] || seconds === undefined || m.index === 0) return undefined;
  return { clock: m[1], seconds, index: m.index };
}

/**
 * Every timestamp mark in a piece of Markdown source (a heading line, a paragraph, a whole note),
 * in order. Does not look inside code: pass prose.
 * @example findVideoTimes('## Loss [[5:27](https://youtu.be/x?t=327)]')[0].seconds // 327
 */
export function findVideoTimes(markdown: string): VideoTimeMark[] {
  const marks: VideoTimeMark[] = [];
  for (const m of markdown.matchAll(MARK)) {
    const [, open, clock, bracketed, url, close] = m;
    const time = url ? videoTime(clock ?? bracketed ?? '', url) : undefined;
    if (!time) continue;
    // Only a matched pair of brackets belongs to the mark; a lone one is the author's text.
    const paired = Boolean(open) && Boolean(close);
    const start = m.index + (paired || !open ? 0 : open.length);
    const end = m.index + m[0].length - (paired || !close ? 0 : close.length);
    marks.push({ ...time, index: start, length: end - start });
  }
  return marks;
}

/**
 * Text with its timestamp marks removed and spaces tidied: a heading's clean title.
 * @example withoutVideoTimes('Cross-entropy [[5:27](https://youtu.be/x?t=327)]') // 'Cross-entropy'
 * @example withoutVideoTimes('Forum tips (0:17)') // 'Forum tips'
 */
export function withoutVideoTimes(markdown: string): string {
  let out = '';
  let pos = 0;
  for (const mark of findVideoTimes(markdown)) {
    out += markdown.slice(pos, mark.index);
    pos = mark.index + mark.length;
  }
  out = (out + markdown.slice(pos)).replace(/[ \t]{2,}/g, ' ').trim();
  const trailing = trailingClock(out);
  return trailing ? out.slice(0, trailing.index).trim() : out;
}

/**
 * A video timestamp link's seconds: its time chip's `data-seconds` (in a heading that is all it
 * has), or its text when that reads as a clock.
 */
export function linkSeconds(chip: string | undefined, text: string): number | undefined {
  if (chip !== undefined && Number.isFinite(Number(chip))) return Number(chip);
  const clock = /\d{1,2}(?::\d{2}){1,2}/.exec(text)?.[0];
  return clock ? clockSeconds(clock) : undefined;
}
