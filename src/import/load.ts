import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { discover, listFiles, type SourceDoc } from './discover';
import { decode } from './encoding';
import { splitFrontmatter } from './frontmatter';
import { indexSource, type SourceIndex } from './images';
import { detectLocale, folderHint } from './locale';
import { findLogSections, type LogSection } from './log';
import { parse } from '../lib/markdown/parse';
import { normaliseSource } from './normalize';
import { normaliseNewlines } from '../lib/text-edits';
import type { Findings, Locale } from './types';

/** A fatal problem with one file; the CLI names the file and exits non-zero. */
export class ImportError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.file = file;
  }
}

/** A source note read, decoded and through the first pass, ready to be planned. */
export interface LoadedDoc {
  doc: SourceDoc;
  index: SourceIndex;
  data: Record<string, unknown>;
  /** First-pass text of the body and the source line of each of its lines. */
  text: string;
  lineMap: number[];
  tree: Root;
  locale: Locale;
  /** Dated study-log sections (READMEs and log-like notes only). */
  sections: LogSection[];
}

export function loadSource(root: string, findings: Findings): LoadedDoc[] {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new ImportError(root, 'source folder not found');
  const symlinks = new Map<string, string>();
  const index = indexSource(listFiles(root, symlinks), symlinks);
  const rootName = path.basename(root);
  for (const [rel, target] of symlinks) {
    if (/\.(md|markdown)$/i.test(rel))
      findings.refused.push({
        file: `${rootName}/${rel}`,
        path: rel,
        reason: `is a symbolic link (→ ${target}); symbolic links are not followed, copy the note into the folder instead`,
      });
  }
  return discover(root).map((doc) => {
    try {
      return loadDoc(doc, index, findings);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(doc.display, error instanceof Error ? error.message : String(error));
    }
  });
}

function loadDoc(doc: SourceDoc, index: SourceIndex, findings: Findings): LoadedDoc {
  const decoded = decode(fs.readFileSync(doc.abs));
  for (const detail of decoded.repairs) findings.encodingRepairs.push({ file: doc.display, detail });
  // Lines of the file as it is on disk: the decoder keeps every line break of the damaged text.
  for (const r of decoded.restorations ?? [])
    if (!r.decided)
      findings.restorationsToCheck.push({
        file: doc.display,
        line: r.line,
        column: r.column,
        restored: r.restored,
        alternatives: r.alternatives.filter((c) => c !== r.restored),
        confidence: r.confidence,
        context: r.context,
      });
  const split = splitFrontmatter(normaliseNewlines(decoded.text));
  if (split.broken) findings.brokenFrontmatter.push({ file: doc.display, line: 1 });
  const { text, lineMap } = normaliseSource(split.body, split.bodyLine);
  const tree = parse(text, { math: true });
  const { locale } = detectLocale(tree, folderHint(doc.rel));
  const dated = doc.lesson === undefined ? findLogSections(text, tree) : [];
  // A README's dated sections are its study log; elsewhere a single date heading is just a heading.
  const sections = doc.readme || dated.length >= 2 ? dated : [];
  return { doc, index, data: split.data ?? {}, text, lineMap, tree, locale, sections };
}
