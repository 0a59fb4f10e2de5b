import fs from 'node:fs';
import path from 'node:path';
import { locales } from '../../src/lib/locales';

/** Markdown images and HTML `<img src>`, whose target a peer's bundler resolves from the file. */
const IMAGE = /(!\[[^\]]*\]\()(<[^>\n]*>|[^)\s]+)((?:\s+"[^"]*")?\))|(<img\b[^>]*?\bsrc=")([^"]+)(")/g;

/**
 * Copies the `.md` notes of a notes folder (`<collection>/<lang>/…`) into a peer's content folder
 * as `<lang>/<collection>/…`, the layout a peer's i18n expects. Images the notes point at go along
 * (under `_assets/`, links rewritten); an image that does not exist is left out, as our build does,
 * where a peer's would stop. Returns how many notes were copied.
 */
export function copyMarkdownByLanguage(notes: string, content: string): number {
  let copied = 0;
  const assets = path.join(content, '_assets');
  for (const entry of fs.readdirSync(notes, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const from = path.join(entry.parentPath, entry.name);
    const parts = path.relative(notes, from).split(path.sep);
    const langAt = parts.findIndex((p) => (locales as readonly string[]).includes(p));
    if (langAt < 0) continue;
    const lang = parts[langAt]!;
    const to = path.join(content, lang, ...parts.filter((_, i) => i !== langAt));
    const text = fs
      .readFileSync(from, 'utf8')
      .replace(IMAGE, (all, mdOpen, mdUrl, mdClose, htmlOpen, htmlUrl, htmlClose) => {
        // Markdown allows `(<a path with spaces>)`.
        const url = ((mdUrl ?? htmlUrl) as string).replace(/^<(.*)>$/, '$1');
        // A scheme (two letters or more: `J:\…` is a Windows path, not a URL), the site root or an anchor.
        if (/^([a-z][a-z0-9+.-]+:|\/|#)/i.test(url)) return all;
        const target = path.resolve(path.dirname(from), safeDecode(url.split('#')[0]!));
        if (!target.startsWith(notes + path.sep) || !fs.existsSync(target)) return '';
        const copy = path.join(assets, path.relative(notes, target));
        if (!fs.existsSync(copy)) {
          fs.mkdirSync(path.dirname(copy), { recursive: true });
          fs.copyFileSync(target, copy);
        }
        const link = encodeURI(path.relative(path.dirname(to), copy).split(path.sep).join('/'));
        return mdOpen ? `${mdOpen}${link}${mdClose}` : `${htmlOpen}${link}${htmlClose}`;
      });
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, text);
    copied++;
  }
  return copied;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
