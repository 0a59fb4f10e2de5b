import { createHash } from 'node:crypto';
import { WHOLE_PAGE_ATTRIBUTE } from './whole-page';

/**
 * Runs at the start of <body>, before first paint. It sets the stored or system theme, so the page
 * does not flash the other one. And where the browser is about to jump into the page (an address
 * naming a section, a reload or a step back that restores the scroll position), it has the page
 * laid out whole (see whole-page.ts), so the jump lands where it should. It is the site's only
 * inline script; its hash goes into the Content-Security-Policy.
 */
export const pageStartScript =
  "(function(){var r=document.documentElement,s=null;try{s=localStorage.getItem('theme')}catch(e){}" +
  "var d=s?s==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;" +
  "r.setAttribute('data-theme',d?'dark':'light');" +
  "var n=performance.getEntriesByType&&performance.getEntriesByType('navigation')[0];" +
  `if(location.hash||(n&&n.type!=='navigate'))r.setAttribute('${WHOLE_PAGE_ATTRIBUTE}','')})();`;

export const pageStartScriptHash = `sha256-${createHash('sha256').update(pageStartScript).digest('base64')}` as const;
