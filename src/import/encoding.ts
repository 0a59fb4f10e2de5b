import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CJK_PUNCTUATION_RANGE, CJK_RANGE } from '../lib/cjk';
import { repairMojibake, type Restoration } from './mojibake';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `UTF-8`, `GB18030`, `UTF-16LE`. */
  encoding: string;
  /** Human-readable changes worth reporting; empty for plain UTF-8. */
  repairs: string[];
  /** Characters put back where mojibake had lost bytes, with the model's confidence and the line. */
  restorations?: Restoration[];
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** Multi-byte encodings chardet names that Chinese, Japanese or Korean notes are saved in. */
const CJK_ENCODINGS = new Set([
  'GB18030',
  'Big5',
  'EUC-JP',
  'EUC-KR',
  'Shift_JIS',
  'ISO-2022-CN',
  'ISO-2022-JP',
  'ISO-2022-KR',
]);

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

const CHINESE_TEXT = new RegExp(`[${CJK_RANGE}${CJK_PUNCTUATION_RANGE}]`);

/** A clean GB18030 decode is mostly Han characters; random bytes read as GB18030 are not. */
function looksChinese(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  const han = nonAscii.filter((c) => CHINESE_TEXT.test(c));
  return nonAscii.length > 0 && han.length / nonAscii.length >= 0.6;
}

function withMojibakeRepair(d: Decoded): Decoded {
  const { text, whole, restorations } = repairMojibake(d.text);
  if (!whole && !restorations.length) return d;
  const repairs = [...d.repairs];
  if (whole) repairs.push(`mojibake repaired in ${whole} place${whole === 1 ? '' : 's'}`);
  if (restorations.length) {
    const undecided = restorations.filter((r) => !r.decided).length;
    const mean = restorations.reduce((sum, r) => sum + r.confidence, 0) / restorations.length;
    repairs.push(
      `${restorations.length} character${restorations.length === 1 ? '' : 's'} with lost bytes restored by a Chinese language model (mean confidence ${mean.toFixed(2)})` +
        (undecided ? `; ${undecided} not sure, listed under "restored encoding: places to check"` : ''),
    );
  }
  return { text, encoding: d.encoding, repairs, restorations };
}
