import { sectionChanges } from '../lib/translation/changes';
import {
  pairStatus,
  withOriginalChanges,
  type FollowedVersion,
  type OriginalChanges,
  type PairStatus,
  type TranslationPair,
  type TranslationSide,
} from '../lib/translation/status';
import { sourceSections } from '../markdown/outline';
import { commitOf, lastChange, textAt } from '../node/versions';
import { pageFromText } from './translation-files';

/**
 * Which sections of an original changed since the version its translation follows, from git:
 * the status page, the side-by-side pages, the notices and `npm run status` all read it.
 */

/** The end of a calendar day (UTC): `translatedFrom: 2024-05-01` follows the original as it was that day. */
const endOfDay = (day: Date) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59));

/**
 * The version of the original a translation follows: `translatedFrom` when the translation pins
 * it (a commit, short or full, or a day), else the original as of the translation's last commit.
 * Undefined without git; a `translatedFrom` that names no commit here is reported and ignored.
 */
export function followedVersion(
  original: TranslationSide,
  translation: TranslationSide,
  report: (message: string) => void,
): FollowedVersion | undefined {
  const pinned = translation.translatedFrom;
  if (pinned instanceof Date) {
    const then = lastChange(original.file, { before: endOfDay(pinned) });
    return then && { ...then, by: 'translatedFrom' };
  }
  if (pinned !== undefined) {
    const commit = commitOf(pinned, translation.file);
    if (!commit) {
      report(
        `${translation.file}: translatedFrom: ${pinned} is not a commit of this repository; the page is compared by dates. Write a commit of the original (a short or full hash) or a day (2024-05-01), or remove the line to follow the translation's last commit.`,
      );
      return undefined;
    }
    const then = lastChange(original.file, { at: commit.hash });
    return then && { ...then, by: 'translatedFrom' };
  }
  const own = lastChange(translation.file);
  const then = own && lastChange(original.file, { at: own.hash });
  return then && { ...then, by: 'history' };
}

/** What changed in the original since the version the translation follows; undefined without git. */
export function originalChanges(
  original: TranslationSide,
  translation: TranslationSide,
  notesRoot: string,
  report: (message: string) => void,
): OriginalChanges | undefined {
  const follows = followedVersion(original, translation, report);
  if (!follows || original.body === undefined) return undefined;
  const then = textAt(original.file, follows.hash);
  const oldBody = then === undefined ? '' : pageFromText(original.file, then, '').body;
  const read = (body: string) => sourceSections(body, { file: original.file, frontmatter: {}, notesRoot });
  return {
    follows,
    translated: lastChange(translation.file)?.date,
    now: lastChange(original.file),
    sections: sectionChanges(read(oldBody), read(original.body), original.locale),
  };
}

/** A page's status, with the original's changed sections when git can tell them. */
export function pageStatus(pair: TranslationPair, notesRoot: string, report: (message: string) => void): PairStatus {
  const status = pairStatus(pair);
  if (!status.original || status.missing) return status;
  const original = pair.sides[status.original.locale];
  const translation = pair.sides[status.original.locale === 'zh' ? 'en' : 'zh'];
  if (!original || !translation) return status;
  const changes = originalChanges(original, translation, notesRoot, report);
  return changes ? withOriginalChanges(status, changes) : status;
}
