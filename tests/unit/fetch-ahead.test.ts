import { describe, expect, it } from 'vitest';
import { mayFetchAhead } from '../../src/lib/fetch-ahead';

describe('mayFetchAhead: search fetched before the reader asks', () => {
  it('on a connection rated 3G or 4G, and where the browser says nothing of it', () => {
    expect(mayFetchAhead({ effectiveType: '4g' })).toBe(true);
    expect(mayFetchAhead({ effectiveType: '3g', saveData: false })).toBe(true);
    expect(mayFetchAhead(undefined)).toBe(true);
  });

  it('never when the reader asked to save data, nor on 2G or slow 2G', () => {
    expect(mayFetchAhead({ effectiveType: '4g', saveData: true })).toBe(false);
    expect(mayFetchAhead({ effectiveType: '2g' })).toBe(false);
    expect(mayFetchAhead({ effectiveType: 'slow-2g' })).toBe(false);
  });
});
