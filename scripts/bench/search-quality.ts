import { CJK_RANGE } from '../../src/lib/cjk';
import { seededRandom } from './seeded-random';
import { hasCjk, normalizeForMatch } from '../../src/lib/search/cjk';

/** One query's outcome: the pages that truly contain the term and the pages search returned, in order. */
export interface QueryOutcome {
  term: string;
  truth: string[];
  returned: string[];
}

export interface Quality {
  queries: number;
  /** Mean share of true pages that were returned. */
  recall: number;
  /** Mean share of returned pages that truly contain the term (queries that returned something). */
  precision: number;
  /** Share of queries whose first result truly contains the term. */
  top1: number;
}

/** Recall, precision and top-1 over queries that have at least one true page. */
export function scoreQueries(outcomes: QueryOutcome[]): Quality {
  const scored = outcomes.filter((o) => o.truth.length > 0);
  let recall = 0;
  let precision = 0;
  let precisionCount = 0;
  let top1 = 0;
  for (const o of scored) {
    const truth = new Set(o.truth);
    const hits = o.returned.filter((url) => truth.has(url)).length;
    recall += new Set(o.returned.filter((url) => truth.has(url))).size / truth.size;
    if (o.returned.length > 0) {
      precision += hits / o.returned.length;
      precisionCount++;
    }
    if (o.returned[0] !== undefined && truth.has(o.returned[0])) top1++;
  }
  const n = scored.length || 1;
  return {
    queries: scored.length,
    recall: recall / n,
    precision: precisionCount ? precision / precisionCount : 0,
    top1: top1 / n,
  };
}

/** Pages whose indexed text contains the term, compared the way search compares. */
export function groundTruth(pages: { url: string; text: string }[], term: string): string[] {
  const phrase = normalizeForMatch(term);
  return pages.filter((p) => normalizeForMatch(p.text).includes(phrase)).map((p) => p.url);
}

const CJK_RUN = new RegExp(`[${CJK_RANGE}]{2,}`, 'g');
const LATIN_THEN_CJK = new RegExp(`(?<![a-z0-9])[a-z][a-z0-9]{1,11}[${CJK_RANGE}]{1,3}`, 'g');

/**
 * Samples Chinese query terms of 2–4 characters from page text: half start at a word boundary
 * and half start inside a word, so that substrings across word boundaries (一段 / 段简) are
 * well represented, plus mixed Latin+Chinese terms such as `SGD优化器`.
 */
export function sampleTerms(texts: string[], count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const runs = texts.flatMap((t) => normalizeForMatch(t).match(CJK_RUN) ?? []);
  const mixed = [...new Set(texts.flatMap((t) => normalizeForMatch(t).match(LATIN_THEN_CJK) ?? []))].sort();
  const terms = new Set<string>();
  const wantMixed = Math.min(mixed.length, Math.round(count * 0.15));
  for (let guard = 0; terms.size < wantMixed && guard < count * 20; guard++) {
    terms.add(mixed[Math.floor(random() * mixed.length)]!);
  }
  for (let guard = 0; terms.size < count && runs.length > 0 && guard < count * 50; guard++) {
    const run = runs[Math.floor(random() * runs.length)]!;
    const len = 2 + Math.floor(random() * 3);
    if (run.length < len) continue;
    const boundaries = [...segmenter.segment(run)].map((s) => s.index);
    const inside = [...Array(run.length - len + 1).keys()].filter((i) => !boundaries.includes(i));
    const starts = guard % 2 === 0 || inside.length === 0 ? boundaries.filter((i) => i + len <= run.length) : inside;
    if (starts.length === 0) continue;
    const start = starts[Math.floor(random() * starts.length)]!;
    const term = run.slice(start, start + len);
    if (hasCjk(term)) terms.add(term);
  }
  return [...terms];
}
