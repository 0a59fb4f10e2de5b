import type { Nodes, Root } from 'mdast';
import { walk } from '../lib/markdown/parse';
import { judgeClose } from '../lib/html/sanitize';
import { CJK_PUNCTUATION_RANGE, CJK_RANGE, countCjk } from '../lib/cjk';

const SUMMARY_MAX = 160;

function textOf(node: Nodes, skipLinks = false): string {
  if (node.type === 'image' || node.type === 'imageReference') return '';
  if (node.type === 'html') return literalTag(node.value);
  if (skipLinks && (node.type === 'link' || node.type === 'linkReference')) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c, skipLinks)).join('') : '';
}

/** Real tags (`<kbd>`) are markup; `<module>` in prose is text the importer will show literally. */
function literalTag(value: string): string {
  const name = /^<\/?([A-Za-z][\w-]*)/.exec(value)?.[1]?.toLowerCase();
  return name && judgeClose(name) === 'escape' ? value : '';
}

/**
 * The first sentence of the first real paragraph, for lists and the meta description. Lines that
 * are mostly links (`[Webpage](…) / [Video](…)`) or too short to say anything are skipped, and
 * list items only count when there is no prose — except `inOrder` (a log entry, which is a list).
 */
export function summaryOf(tree: Root, options: { inOrder?: boolean } = {}): string | undefined {
  const candidates: { text: string; nested: boolean }[] = [];
  walk(tree, (node, ancestors) => {
    const skipped = ['code', 'table', 'heading', 'html', 'containerDirective'];
    if (skipped.includes(node.type)) return false;
    if (node.type !== 'paragraph') return;
    // A callout's marker (`[!NOTE]`) is syntax, not the note's first words.
    const all = textOf(node)
      .replace(/^\s*\[![A-Za-z]+\]/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const own = textOf(node, true).replace(/[\s/|·,，、:：-]+/g, '');
    const linkHeavy = options.inOrder ? own.length < 4 : own.length < all.replace(/\s+/g, '').length / 2;
    if (all.length < 8 || linkHeavy || /^(https?:\/\/\S+\s*)+$/.test(all)) return false;
    candidates.push({ text: all, nested: ancestors.some((a) => a.type === 'list' || a.type === 'blockquote') });
    return false;
  });
  const best = (options.inOrder ? undefined : candidates.find((c) => !c.nested)) ?? candidates[0];
  return best ? firstSentence(best.text) : undefined;
}

/** Reading length: a Chinese character says about as much as two or three Latin letters. */
function weight(text: string): number {
  return text.length + 1.5 * countCjk(text);
}

const ENDS_IN_CHINESE = new RegExp(`[${CJK_RANGE}${CJK_PUNCTUATION_RANGE}]$`);

/** Whole sentences up to ~40 characters at least ("Welcome to lesson 4!" alone says nothing), capped at 160. */
export function firstSentence(text: string): string {
  const sentences = text.match(/.*?(?:[。！？!?]+|\.(?=\s|$)|$)/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if (weight(out) >= 40 || !s.trim()) break;
    out = ENDS_IN_CHINESE.test(out) ? out + s.trim() : `${out} ${s.trim()}`.trim();
  }
  const sentence = out || text.trim();
  return sentence.length <= SUMMARY_MAX ? sentence : `${sentence.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
  });
  return urls;
}

/** The lesson's video: the first YouTube video link, without its `?t=` timestamp. */
export function videoOf(tree: Root): string | undefined {
  for (const raw of linkUrls(tree)) {
    const url = parseUrl(raw);
    if (!url) continue;
    if (url.hostname === 'youtu.be' && url.pathname.length > 1) return `https://youtu.be${url.pathname}`;
    const id = url.searchParams.get('v');
    if (/(^|\.)youtube\.com$/.test(url.hostname) && url.pathname === '/watch' && id)
      return `https://www.youtube.com/watch?v=${id}`;
  }
  return undefined;
}

/** The official course page: the first link to a `course*.fast.ai` site. */
export function courseOf(tree: Root): string | undefined {
  for (const raw of linkUrls(tree)) {
    const url = parseUrl(raw);
    if (url && /^course[\w-]*\.fast\.ai$/.test(url.hostname)) return url.href;
  }
  return undefined;
}

function parseUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const GENERIC =
  /^(welcome|欢迎|introduction|intro|overview|preface|前言|简介|介绍|引言|目录|contents|table of contents|toc|summary|总结|notes?|笔记)$/i;

/**
 * What is left of a lesson heading once "Lesson 9", "第九课", "欢迎来到第四课" is taken away:
 * `lesson9 How to train your model` → `How to train your model`; `第一课` → ''.
 */
export function stripLessonLabel(heading: string): string {
  return heading
    .replace(/^(welcome to|欢迎来到|欢迎)?\s*(lesson|lecture|lec)\s*[-_]?\s*\d{1,2}\b/i, '')
    .replace(/^(欢迎来到|欢迎)?\s*第\s*[0-9一二三四五六七八九十]{1,3}\s*[课讲講]/, '')
    .replace(/^[\s:：\-–—.·|]+/, '')
    .trim();
}

/** A heading worth using as a title: not a greeting or section label, not too long. */
export function informative(text: string): boolean {
  const bare = text.replace(/[\s!！.。:：]+$/g, '').trim();
  return bare.length >= 2 && bare.length <= 80 && !GENERIC.test(bare);
}

/** `fastai code` → `fastai code`, `icevisionNote` → `icevision Note`: the file name, readable, as the author cased it. */
export function titleFromName(stem: string): string {
  return (
    stem
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || stem
  );
}
