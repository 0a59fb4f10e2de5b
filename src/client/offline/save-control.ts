/**
 * `<offline-save>`: the save control of one language (components/SaveOffline.astro). Reads the
 * build's list of what saving downloads to say how much before anything starts; saves, updates
 * and removes the copy through saved-copy.ts. Its texts come in data-* attributes, per language.
 */
import { formatBytes, type OfflineManifest } from '../../lib/offline/manifest';
import { canSave, fetchManifest, keepStorage, removeCopy, saveCopy, savedCopy } from './saved-copy';

type Action = 'save' | 'cancel' | 'update' | 'remove';

class OfflineSave extends HTMLElement {
  #manifest: OfflineManifest | undefined;
  #abort: AbortController | undefined;

  get #lang(): string {
    return this.dataset['lang'] ?? '';
  }
  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  #text(key: string, values: Record<string, string | number> = {}): string {
    return (this.dataset[key] ?? '').replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m));
  }

  #size(bytes: number): string {
    return formatBytes(bytes, this.dataset['htmlLang'] ?? 'en');
  }

  /** Shows the given buttons only, and a status line. */
  #state(status: string, buttons: Action[], progress?: { done: number; total: number }): void {
    this.querySelector('[data-save-status]')!.textContent = status;
    const hadFocus = this.contains(document.activeElement);
    const all = [...this.querySelectorAll<HTMLButtonElement>('[data-save-action]')];
    for (const button of all) button.hidden = !buttons.includes(button.dataset['saveAction'] as Action);
    // The button pressed may have just hidden itself: keep keyboard focus in the control.
    if (hadFocus && (document.activeElement as HTMLElement | null)?.hidden) all.find((b) => !b.hidden)?.focus();
    const bar = this.querySelector<HTMLProgressElement>('[data-save-progress]')!;
    bar.hidden = !progress;
    if (progress) bar.value = progress.total ? progress.done / progress.total : 1;
  }

  async connectedCallback(): Promise<void> {
    if (!canSave()) return;
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-save-action]'))
      button.addEventListener('click', () => void this.#act(button.dataset['saveAction'] as Action));
    this.hidden = false;
    await this.#show();
  }

  /** The resting state: what is saved, or what saving would take. */
  async #show(note = ''): Promise<void> {
    const copy = await savedCopy(this.#base, this.#lang);
    try {
      this.#manifest = await fetchManifest(this.#base, this.#lang);
    } catch {
      this.#manifest = undefined;
    }
    const prefix = note ? `${note} ` : '';
    if (copy) {
      const date = new Intl.DateTimeFormat(this.dataset['htmlLang'], {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(copy.record.savedAt));
      const outdated = this.#manifest && this.#manifest.build !== copy.record.build;
      const saved = this.#text('textSaved', { date, size: this.#size(copy.record.bytes) });
      this.#state(`${prefix}${saved}${outdated ? ` ${this.#text('textOutdated')}` : ''}`, ['update', 'remove']);
    } else if (this.#manifest) {
      const intro = this.#text('textIntro', {
        pages: this.#manifest.pages.length,
        size: this.#size(this.#manifest.transfer),
      });
      this.#state(`${prefix}${intro}`, ['save']);
    } else this.#state(`${prefix}${this.#text('textUnavailable')}`, []);
  }

  async #act(action: Action): Promise<void> {
    if (action === 'cancel') return this.#abort?.abort();
    if (action === 'remove') {
      await removeCopy(this.#base, this.#lang);
      return this.#show(this.#text('textRemoved'));
    }
    const manifest = this.#manifest ?? (await fetchManifest(this.#base, this.#lang).catch(() => undefined));
    if (!manifest) return this.#show();
    keepStorage();
    this.#abort = new AbortController();
    const progress = (done: number, total: number) =>
      this.#state(this.#text('textSaving', { done: this.#size(done), total: this.#size(total) }), ['cancel'], {
        done,
        total,
      });
    try {
      await saveCopy(this.#base, manifest, { signal: this.#abort.signal, onProgress: progress });
      await this.#show();
    } catch (error) {
      const cancelled = this.#abort.signal.aborted;
      const reason = error instanceof Error ? error.message : String(error);
      await this.#show(cancelled ? this.#text('textCancelled') : this.#text('textFailed', { reason }));
    } finally {
      this.#abort = undefined;
    }
  }
}

if (!customElements.get('offline-save')) customElements.define('offline-save', OfflineSave);
