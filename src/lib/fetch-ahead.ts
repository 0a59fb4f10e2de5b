/** What the browser says of the reader's connection (the Network Information API, in Chromium). */
export interface Connection {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Whether the site may fetch what a reader has not asked for yet (search, at idle): not when they
 * asked to save data, nor on a connection the browser rates as 2G, where those bytes would hold up
 * the page they open next. Without the API (Firefox, Safari) the answer is yes.
 * @example mayFetchAhead({ effectiveType: '4g' }) // true
 * @example mayFetchAhead({ saveData: true, effectiveType: '4g' }) // false
 */
export function mayFetchAhead(connection: Connection | undefined): boolean {
  return !connection?.saveData && !/(?:^|-)2g$/.test(connection?.effectiveType ?? '');
}
