import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `UTF-8`, `GB18030`, `UTF-16LE`. */
  encoding: string;
  /** Human-readable changes worth reporting; empty for plain UTF-8. */
  repairs: string[];
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** Multi-byte encodings chardet names that Chinese, Japanese or Korean notes are saved in. */
const CJK_ENCODINGS = new Set(['GB18030', 'Big5', 'EUC-JP', 'EUC-KR', 'Shift_JIS', 'ISO-2022-CN', 'ISO-2022-JP', 'ISO-2022-KR']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a note's bytes as text. Order matters: a BOM is proof; valid UTF-8 is almost proof (legacy
 * CJK bytes are rarely valid UTF-8); only then do we guess, with a CJK-first tie-break because
 * GB18030 files saved by Windows editors are the common case for Chinese notes.
 */
export function decode(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = BOMS.find((b) => b.bytes.every((v, i) => buf[i] === v));
  if (bom) {
    const text = iconv.decode(buf.subarray(bom.bytes.length), bom.encoding);
    const repairs = bom.encoding === 'UTF-8' ? [] : [`${bom.encoding} (BOM) → UTF-8`];
    return withMojibakeRepair({ text, encoding: bom.encoding, repairs });
  }
  try {
    return withMojibakeRepair({ text: strictUtf8.decode(buf), encoding: 'UTF-8', repairs: [] });
  } catch {
    const encoding = guessLegacy(buf);
    return { text: iconv.decode(buf, encoding), encoding, repairs: [`${encoding} → UTF-8`] };
  }
}

function guessLegacy(buf: Buffer): string {
  const zeros = buf.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (zeros > buf.length / 4) return buf[0] === 0 ? 'UTF-16BE' : 'UTF-16LE';
  const top: string | undefined = chardet.analyse(buf)[0]?.name;
  if (top && CJK_ENCODINGS.has(top) && iconv.encodingExists(top)) return top;
  if (looksChinese(iconv.decode(buf, 'GB18030'))) return 'GB18030';
  return top && iconv.encodingExists(top) ? top : 'windows-1252';
}

/** A clean GB18030 decode is mostly Han characters; random bytes read as GB18030 are not. */
function looksChinese(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  const han = nonAscii.filter((c) => /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(c));
  return nonAscii.length > 0 && han.length / nonAscii.length >= 0.6;
}

function withMojibakeRepair(d: Decoded): Decoded {
  const { text, count } = repairMojibake(d.text);
  return count ? { text, encoding: d.encoding, repairs: [...d.repairs, `mojibake repaired in ${count} place${count === 1 ? '' : 's'}`] } : d;
}

/** Windows-1252 as a char → byte table, taken from iconv-lite rather than typed in by hand. */
const CP1252 = (() => {
  const map = new Map<string, number>();
  const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const chars = [...iconv.decode(bytes, 'windows-1252')];
  chars.forEach((c, i) => map.set(c === '\uFFFD' ? String.fromCharCode(0x80 + i) : c, 0x80 + i));
  return map;
})();

/** Runs of characters that are what UTF-8 bytes look like when read as Windows-1252. */
const SUSPECT_RUN = new RegExp(`[${[...CP1252.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]{2,}`, 'g');

/**
 * Undoes "UTF-8 read as Windows-1252 and saved again" (`ä¸­æ–‡` for 中文). Each suspicious run is
 * turned back into bytes and re-read as UTF-8; only complete, valid sequences are replaced, so
 * ordinary accented Latin text stays as it is.
 */
export function repairMojibake(text: string): { text: string; count: number } {
  let count = 0;
  const repaired = text.replace(SUSPECT_RUN, (run) => {
    const chars = [...run];
    let out = '';
    let i = 0;
    let fixed = false;
    while (i < chars.length) {
      const lead = CP1252.get(chars[i] ?? '') ?? 0;
      const len = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
      const slice = chars.slice(i, i + len);
      const bytes = slice.map((c) => CP1252.get(c) ?? 0);
      if (len && slice.length === len && bytes.slice(1).every((b) => b >= 0x80 && b <= 0xbf)) {
        try {
          const decoded = strictUtf8.decode(Uint8Array.from(bytes));
          if (!/[\u0080-\u009f]/.test(decoded)) {
            out += decoded;
            i += len;
            fixed = true;
            continue;
          }
        } catch {
          // not a valid sequence after all: keep the characters as written
        }
      }
      out += chars[i];
      i += 1;
    }
    if (fixed) count += 1;
    return out;
  });
  return { text: repaired, count };
}
