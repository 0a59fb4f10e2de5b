/**
 * A long page is laid out a screen at a time: blocks of a note past its first few, and rows of a
 * side-by-side page past its first few, are skipped (`content-visibility: auto`) until they near
 * the viewport, so a phone's first paint waits for one screen's layout, not the whole lesson's.
 * Skipped blocks stand in at a guessed height, which is right for scrolling (the browser keeps
 * what is on screen in place as blocks above it are drawn) but not for a jump: the browser would
 * place a section by the guesses, then draw the blocks around it and leave it elsewhere. Before
 * any jump into the page the root gets this attribute, and the stylesheets skip nothing under it.
 */
export const WHOLE_PAGE_ATTRIBUTE = 'data-whole-page';
