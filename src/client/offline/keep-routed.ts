/**
 * Hands the offline reader's worker the files its static routes sent past it to the network (a
 * search chunk no cache had yet, lib/offline/routes.ts), so that what search used still answers
 * offline, as the fetch handler's own fetches are kept. The worker takes them from the browser's
 * HTTP cache, as it keeps the first page's files, so keeping costs no second download. Only
 * browsers with static routing mark such requests; elsewhere the fetch handler kept them already.
 */

/** Resource Timing's worker fields (Chromium 123 on), not yet in TypeScript's library. */
interface RoutedTiming extends PerformanceResourceTiming {
  workerMatchedSourceType?: string;
  workerFinalSourceType?: string;
}

let watching = false;

/** Starts watching this page's requests (once); files are handed over when the page is idle. */
export function keepRoutedFiles(): void {
  if (watching || typeof PerformanceObserver === 'undefined') return;
  watching = true;
  const pending = new Set<string>();
  let scheduled = false;
  const handOver = () => {
    scheduled = false;
    const worker = navigator.serviceWorker?.controller;
    if (worker && pending.size) worker.postMessage({ type: 'KEEP', urls: [...pending] });
    pending.clear();
  };
  // Buffered: what search fetched before this module loaded (the files fetched ahead at idle) too.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as RoutedTiming[])
      if (entry.workerMatchedSourceType === 'cache' && entry.workerFinalSourceType === 'network')
        pending.add(entry.name);
    if (!pending.size || scheduled) return;
    scheduled = true;
    // After the query's results are on screen, not in the middle of the next one's work.
    if ('requestIdleCallback' in window) requestIdleCallback(handOver, { timeout: 2000 });
    else setTimeout(handOver, 500);
  }).observe({ type: 'resource', buffered: true });
}
