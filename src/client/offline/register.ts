/**
 * The only offline code every page runs before the reader does anything: registers the worker
 * once the page has loaded, so the worker never competes with the page for the network. Anything
 * more (the update notice) is imported when it is needed. Kept to a few hundred bytes.
 */
export function registerOfflineReader(base: string): void {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const start = () =>
    sw.register(`${base}sw.js`, { scope: base }).then(
      (reg?: ServiceWorkerRegistration) => {
        // Browsers that block workers (privacy settings; Playwright's `serviceWorkers: 'block'`) may give none.
        if (!reg) return;
        const notice = () => sw.controller && import('./update-notice').then((m) => m.showUpdate(reg));
        if (reg.waiting) void notice();
        reg.addEventListener('updatefound', () => void notice());
        // A reader coming back online or to the tab learns of a new deploy then, not at the next page.
        const check = () => void reg.update().catch(() => {});
        addEventListener('online', check);
        document.addEventListener('visibilitychange', () => document.hidden || check());
        // The first page opened loaded before the worker ran: hand it what to keep.
        if (!sw.controller)
          void sw.ready.then((r) =>
            r.active?.postMessage({
              type: 'KEEP',
              urls: [
                location.origin + location.pathname,
                ...performance.getEntriesByType('resource').map((e) => e.name),
              ],
            }),
          );
      },
      () => {},
    );
  if (document.readyState === 'complete') void start();
  else addEventListener('load', () => void start(), { once: true });
}
