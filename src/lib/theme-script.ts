import { createHash } from 'node:crypto';

/**
 * Runs in <head> before first paint, so the stored or system theme applies without a flash. It is
 * the site's only inline script; its hash goes into the Content-Security-Policy.
 */
export const themeScript =
  "(function(){var s=null;try{s=localStorage.getItem('theme')}catch(e){}" +
  "var d=s?s==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;" +
  "document.documentElement.setAttribute('data-theme',d?'dark':'light')})();";

export const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}` as const;
