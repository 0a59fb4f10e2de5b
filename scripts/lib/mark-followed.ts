import fs from 'node:fs';
import path from 'node:path';
import { setFrontmatterField, setYamlField } from '../../src/lib/frontmatter-field';
import { localeInfo } from '../../src/lib/locales';
import type { PairStatus, TranslationPair } from '../../src/lib/translation/status';
import { sidecarOf } from '../../src/notebooks/source';
import { hasUncommittedChanges, lastChange } from '../../src/node/versions';

/**
 * `npm run status -- --mark <page>`: the translation now follows its original as committed. Writes
 * `translatedFrom: <commit>` into the translation's frontmatter (a notebook's: its YAML sidecar)
 * and nothing else, and says what it wrote. Refuses when it cannot tell which side is the
 * original, or when the original has changes not committed yet (no commit names that version).
 */
export function markFollowed(pair: TranslationPair, status: PairStatus): string {
  const page = `${status.kind}/${status.slug}`;
  if (status.missing) throw new Error(`${page} has no ${localeInfo[status.missing].nativeName} version to mark.`);
  if (!status.original)
    throw new Error(
      `${page}: cannot tell which version is the original (both files came in the same commit, or the notes are not in git). Add translationOf: <the original's language, zh or en> to the translation's frontmatter, then run again.`,
    );
  const original = pair.sides[status.original.locale]!;
  const translation = pair.sides[status.original.locale === 'zh' ? 'en' : 'zh']!;
  if (hasUncommittedChanges(original.file))
    throw new Error(
      `${page}: ${original.file} has changes that are not committed. Commit them first, so that translatedFrom names the version the translation follows.`,
    );
  const now = lastChange(original.file);
  if (!now) throw new Error(`${page}: ${original.file} has no commit (are the notes in a git repository?).`);
  const target = /\.ipynb$/i.test(translation.file) ? sidecarOf(translation.file).file : translation.file;
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  const after =
    target === translation.file
      ? setFrontmatterField(before, 'translatedFrom', now.hash)
      : setYamlField(before, 'translatedFrom', now.hash);
  if (after !== before) fs.writeFileSync(target, after);
  const day = now.date.toISOString().slice(0, 10);
  const names = {
    original: localeInfo[original.locale].nativeName,
    translation: localeInfo[translation.locale].nativeName,
  };
  return `${after === before ? 'already had' : 'wrote'} translatedFrom: ${now.hash} in ${path.relative(process.cwd(), path.resolve(target))}: the ${names.translation} version of ${page} follows the ${names.original} original as of ${now.hash.slice(0, 7)} (${day}).`;
}
