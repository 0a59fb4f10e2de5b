/**
 * The "new version — reload" notice, imported by register.ts only when a new deploy's worker is
 * waiting. Reloading is the reader's choice: the waiting worker takes over only then, after any
 * saved copy was brought up to the new build, so no page mixes two builds.
 */
import { updateCopies } from './saved-copy';

class OfflineUpdate extends HTMLElement {
  #reg: ServiceWorkerRegistration | undefined;

  watch(reg: ServiceWorkerRegistration): void {
    this.#reg = reg;
    const installing = reg.installing;
    if (reg.waiting) this.#show();
    else
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') this.#show();
      });
  }

  #show(): void {
    if (!this.hidden) return;
    this.hidden = false;
    const button = this.querySelector<HTMLButtonElement>('[data-update-reload]')!;
    button.addEventListener('click', () => void this.#reload(button), { once: true });
  }

  async #reload(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    const text = this.querySelector<HTMLElement>('[data-update-text]')!;
    const base = this.dataset['base'] ?? '/';
    await updateCopies(base, (done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      text.textContent = (this.dataset['textUpdating'] ?? '').replace('{percent}', String(percent));
    });
    const sw = navigator.serviceWorker;
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    const waiting = this.#reg?.waiting;
    if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  }
}

if (!customElements.get('offline-update')) customElements.define('offline-update', OfflineUpdate);

/** Shows the notice on this page once the new worker has installed. */
export function showUpdate(reg: ServiceWorkerRegistration): void {
  const notice = document.querySelector('offline-update');
  if (notice instanceof OfflineUpdate) notice.watch(reg);
}
