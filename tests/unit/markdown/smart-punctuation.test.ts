import fs from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Pluggable } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownSyntax } from '../../../src/lib/markdown/parse';
import { remarkSmartPunctuation } from '../../../src/markdown/remark-smart-punctuation';

/** GFM, SmartyPants as given, and the notes' syntax: the order a render runs them in. */
function pipeline(smartypants: Pluggable, mdx: boolean) {
  const processor = unified().use(remarkParse);
  if (mdx) processor.use(remarkMdx);
  return processor
    .use(remarkGfm)
    .use([smartypants])
    .use([...markdownSyntax]);
}

/**
 * A note's tree through the pipeline with each SmartyPants, parsed once (most of the cost), as
 * JSON without positions: two equal strings are equal trees, and only unequal ones are compared
 * as trees, for a readable difference.
 */
function readBoth(source: string, mdx = false): [string, string] {
  const parsed = pipeline(() => {}, mdx).parse(source);
  const run = (smartypants: Pluggable) => {
    const tree = pipeline(smartypants, mdx).runSync(structuredClone(parsed));
    return withoutPositions(tree);
  };
  return [run(remarkSmartPunctuation), run(remarkSmartypants)];
}

function withoutPositions(tree: unknown): string {
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

function expectSameTrees([ours, expected]: [string, string], file: string) {
  if (ours !== expected) expect(JSON.parse(ours), file).toEqual(JSON.parse(expected));
  expect(ours, file).toBe(expected);
}

/** Every Markdown note under a folder. */
function notesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(root, f));
}

const siteNotes = notesUnder(path.resolve('content'));
const corpus = notesUnder(path.resolve('../shared/corpus'));

// The site's and the corpus's notes take 2.5 and 6 s alone; beside the e2e lane on a slow day, 33
// and 78 s, over the unit project's 30 s.
describe('SmartyPants that reads only what it can change', { timeout: 180_000 }, () => {
  it.each([
    ['quotes at the start of blocks and around emphasis', '"Hi," she said.\n\n> "Quoted" and *"emphasised"*\n'],
    ['quotes beside inline code', "Call `f` \"now\" and `g`'s 'value' too.\n"],
    ['dashes, ellipses and backticks', "Wait -- and... then . . . ``this'' --- done.\n"],
    ['headings and table cells', '## "Title"\n\n| "a" | it\'s |\n| --- | --- |\n| \'b\' | "c" |\n'],
    ['a directive label continuing the block before', 'Text "x\n\n::note["label"]\n\ny" end.\n'],
    ['decades and doubled quotes', "In the '80s he said, \"'Quoted' words.\"\n"],
    [
      'apostrophes inside words only, and beside one that is not',
      "It's done, don't worry.\n\nThe students' notes aren't 'quoted'.\n",
    ],
  ])('gives what remark-smartypants gives: %s', (_, source) => {
    const both = readBoth(source);
    expectSameTrees(both, source);
    // The case changes something, so equality is not two pipelines doing nothing.
    const untouched = pipeline(() => {}, false).runSync(pipeline(() => {}, false).parse(source));
    expect(both[1]).not.toBe(withoutPositions(untouched));
  });

  it('gives what remark-smartypants gives on every note of the site', () => {
    expect(siteNotes.length).toBeGreaterThan(20);
    for (const file of siteNotes) {
      expectSameTrees(readBoth(fs.readFileSync(file, 'utf8'), file.endsWith('.mdx')), file);
    }
  });

  it.skipIf(!corpus.length)('gives what remark-smartypants gives on every note of the real corpus', () => {
    for (const file of corpus) {
      expectSameTrees(readBoth(fs.readFileSync(file, 'utf8')), file);
    }
  });
});
