/**
 * What a render thread runs, bundled as one JavaScript module (pipeline-bundle.ts): the site's
 * Markdown pipeline, and the keeping of a note's HTML in its file, done on the thread so the HTML
 * never crosses to the main thread.
 */
export { markdownConfig, siteMarkdownSetup } from '../config';
export { keepHtmlAside } from '../note-html';
