/**
 * The notes' collections: each is a folder of the notes folder (`<collection>/<lang>/…`), a
 * section of the site and a kind of page that comes in two languages. Astro's collections
 * (content.config.ts), the importer, the status and the URLs all name them from here.
 */
export const collections = ['lessons', 'log', 'notes', 'notebooks'] as const;
export type Collection = (typeof collections)[number];

/** The collections written in Markdown, which the site's pipeline renders and which have side-by-side pages. */
export const markdownCollections = ['lessons', 'log', 'notes'] as const satisfies readonly Collection[];
export type MarkdownCollection = (typeof markdownCollections)[number];

/** @example isCollection('lessons') // true */
export function isCollection(name: string | undefined): name is Collection {
  return (collections as readonly string[]).includes(name ?? '');
}

/** @example isMarkdownCollection('notebooks') // false */
export function isMarkdownCollection(name: string | undefined): name is MarkdownCollection {
  return (markdownCollections as readonly string[]).includes(name ?? '');
}
