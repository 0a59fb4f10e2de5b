import type { UiKey } from '../i18n/ui';

/**
 * Callouts ("asides", "admonitions"): the kinds an author can write, shared by the Markdown plugin
 * (GitHub alerts and `:::` directives) and the `Aside` component, so both render the same thing.
 */

/** How a callout looks: its colour and icon. */
export const calloutTones = ['note', 'tip', 'important', 'warning', 'danger'] as const;
export type CalloutTone = (typeof calloutTones)[number];

/** What an author wrote, as a tone and the title shown when the author gives none. */
export interface CalloutKind {
  tone: CalloutTone;
  title: UiKey;
}

/**
 * Directive names (`:::tip`) and `Aside` types. `caution` is Starlight's yellow warning; `danger`
 * its red one. `warning` is accepted too, since GitHub's users write that word.
 */
export const directiveKinds = {
  note: { tone: 'note', title: 'callout.note' },
  tip: { tone: 'tip', title: 'callout.tip' },
  important: { tone: 'important', title: 'callout.important' },
  warning: { tone: 'warning', title: 'callout.warning' },
  caution: { tone: 'warning', title: 'callout.caution' },
  danger: { tone: 'danger', title: 'callout.danger' },
} as const satisfies Record<string, CalloutKind>;

export type CalloutType = keyof typeof directiveKinds;

/** GitHub's five alerts (`> [!CAUTION]`); GitHub draws CAUTION red, so it takes the danger tone. */
export const githubAlertKinds = {
  NOTE: { tone: 'note', title: 'callout.note' },
  TIP: { tone: 'tip', title: 'callout.tip' },
  IMPORTANT: { tone: 'important', title: 'callout.important' },
  WARNING: { tone: 'warning', title: 'callout.warning' },
  CAUTION: { tone: 'danger', title: 'callout.caution' },
} as const satisfies Record<string, CalloutKind>;

/**
 * The kind of a directive name, case-insensitively; undefined for names that are not callouts.
 * @example directiveKind('Tip') // { tone: 'tip', title: 'callout.tip' }
 */
export function directiveKind(name: string): CalloutKind | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(directiveKinds, key) ? directiveKinds[key as CalloutType] : undefined;
}

const ALERT_MARKER = /^\s*\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/**
 * Reads GitHub's alert marker at the start of a blockquote's first line: the kind and how many
 * characters the marker takes (its line break included). GitHub ignores case and wants nothing else
 * on that line; anything else is an ordinary quote.
 * @example githubAlert('[!TIP]\nUse a smaller rate') // { kind: { tone: 'tip', … }, length: 7 }
 */
export function githubAlert(firstText: string): { kind: CalloutKind; length: number } | undefined {
  const m = ALERT_MARKER.exec(firstText);
  const word = m?.[1]?.toUpperCase();
  if (!m || !word || !Object.hasOwn(githubAlertKinds, word)) return undefined;
  return { kind: githubAlertKinds[word as keyof typeof githubAlertKinds], length: m[0].length };
}

/**
 * Icons drawn on a 24×24 grid with a 2-unit round stroke: a circled "i", a light bulb, a speech
 * bubble with "!", a warning triangle and a stop octagon.
 */
export const calloutIcons: Record<CalloutTone, string> = {
  note: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 11v6 M12 7.5v.01',
  tip: 'M9 18h6 M10 21h4 M12 3a6 6 0 0 0-3.6 10.8c.8.6 1.1 1.4 1.1 2.2h5c0-.8.3-1.6 1.1-2.2A6 6 0 0 0 12 3z',
  important: 'M4 4h16v12H10l-6 4z M12 7.5v4 M12 14v.01',
  warning: 'M12 3.5 2.5 20h19z M12 9.5v5 M12 17.5v.01',
  danger: 'M8.3 3h7.4L21 8.3v7.4L15.7 21H8.3L3 15.7V8.3z M12 7.5v5.5 M12 16.5v.01',
};
