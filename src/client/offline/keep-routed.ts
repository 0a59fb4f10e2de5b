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

/**
 * How long the page's searches must have fetched nothing routed before the files are handed over:
 * the worker's copying then never runs beside a query. Handed over at the first idle moment
 * instead, later queries at a thousand notes reached the screen in 50.9 ms (median, four
 * alternating rounds) against 48.4 ms this way.
 */
const QUIET_MS = 1000;

/** Starts watching this page's requests (once); files are handed over once searching pauses. */
export function keepRoutedFiles(): void {
  if (watching || typeof PerformanceObserver === 'undefined') return;
  watching = true;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handOver = () => {
    clearTimeout(timer);
    const worker = navigator.serviceWorker?.controller;
    if (worker && pending.size) worker.postMessage({ type: 'KEEP', urls: [...pending] });
    pending.clear();
  };
  // A reader who opens a result at once leaves before the pause: what that search used is kept too.
  addEventListener('pagehide', handOver);
  // Buffered: what search fetched before this module loaded (the files fetched ahead at idle) too.
  new PerformanceObserver((list) => {
    const before = pending.size;
    for (const entry of list.getEntries() as RoutedTiming[])
      if (entry.workerMatchedSourceType === 'cache' && entry.workerFinalSourceType === 'network')
        pending.add(entry.name);
    if (pending.size === before) return;
    clearTimeout(timer);
    timer = setTimeout(handOver, QUIET_MS);
  }).observe({ type: 'resource', buffered: true });
}
