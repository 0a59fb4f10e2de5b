import type { Locale } from '../lib/locales';
import type { NotebookAsset } from './assets';

/** What rendering one notebook needs from its surroundings. */
export interface RenderContext {
  locale: Locale;
  /** URL of a file beside the notebook page (base path included). */
  assetUrl(file: string): string;
  assets: Map<string, NotebookAsset>;
  /** The site's Markdown pipeline (the one lessons go through). */
  markdown(source: string): Promise<{ html: string; hasMath: boolean }>;
  /** A build warning about this notebook; `where` names the cell and output. */
  report(where: string, message: string): void;
  hasMath: boolean;
}
