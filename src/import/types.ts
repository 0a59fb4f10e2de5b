/** Shapes shared by the importer's modules. */
import type { Collection } from '../lib/collections';
import type { Locale } from '../lib/locales';

export type { Collection, Locale };

/** Where a finding came from, for the report: the source file (as shown to the user) and its line. */
export interface SourcePlace {
  file: string;
  line?: number;
}

export interface MissingImage extends SourcePlace {
  /** The output note that shows the placeholder. */
  note: string;
  /** The path exactly as the author wrote it. */
  path: string;
}

/** A file a note names that the importer would not take, and why (a symbolic link, not an image). */
export interface RefusedFile extends SourcePlace {
  /** The path exactly as the author wrote it, or the file's own path for a refused note. */
  path: string;
  reason: string;
  /** The output note that shows a placeholder instead, if any. */
  note?: string;
}

export interface HtmlChange extends SourcePlace {
  /** What was removed or repaired, e.g. `<script>` or `onclick on <a>`. */
  what: string;
}

export interface EncodingRepair {
  file: string;
  /** e.g. `GB18030 → UTF-8`, `UTF-16LE (BOM) → UTF-8`, `mojibake repaired in 3 places`. */
  detail: string;
}

/**
 * A character put back where mojibake had lost bytes that the model was not sure of: the text has
 * the likeliest reading, and the report lists the place for a person to check.
 */
export interface RestorationToCheck extends SourcePlace {
  /** The place in the line, in characters from 1. */
  column: number;
  /** The character the text now has. */
  restored: string;
  /** The other likely readings, best first. */
  alternatives: string[];
  /** The model's share for `restored`, 0–1. */
  confidence: number;
  /** The restored line around the place, the character in 「」. */
  context: string;
}

/** Everything a run finds worth telling; counts are derived from these lists. */
export interface Findings {
  missingImages: MissingImage[];
  refused: RefusedFile[];
  htmlRemoved: HtmlChange[];
  htmlRepaired: HtmlChange[];
  encodingRepairs: EncodingRepair[];
  restorationsToCheck: RestorationToCheck[];
  /** Formula images from a web service, turned back into TeX. */
  formulaImages: (SourcePlace & { tex: string; typeset: boolean })[];
  brokenFrontmatter: SourcePlace[];
  unresolvedLinks: (SourcePlace & { url: string })[];
  /** `.ipynb` files that are not readable notebooks (broken JSON, not nbformat 3 or 4). */
  notebooksSkipped: { file: string; reason: string }[];
}

export function emptyFindings(): Findings {
  return {
    missingImages: [],
    refused: [],
    htmlRemoved: [],
    htmlRepaired: [],
    encodingRepairs: [],
    restorationsToCheck: [],
    formulaImages: [],
    brokenFrontmatter: [],
    unresolvedLinks: [],
    notebooksSkipped: [],
  };
}

/** One file the run wants in the notes folder, relative to it (POSIX separators). */
export type PlannedFile =
  | { path: string; kind: 'markdown'; content: string; source: string }
  | { path: string; kind: 'image'; from: string; source: string }
  /** Copied byte for byte (a notebook keeps its outputs). */
  | { path: string; kind: 'copy'; from: string; source: string };
