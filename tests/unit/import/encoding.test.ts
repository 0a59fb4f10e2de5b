import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, repairMojibake } from '../../../src/import/encoding.ts';

// The binary inputs are made here from text, never copied from real notes.
const zh = '# 第一课\n\n确保已经设置好了 GPU 环境，并且可以运行 Jupyter Notebook。学习率太大时损失会发散。\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
/**
 * What happens when UTF-8 bytes are opened as Windows-1252 and saved again as UTF-8. Bytes that
 * Windows-1252 leaves undefined (0x81, 0x8D…) become the C1 control of the same number, as Windows does.
 */
const mojibake = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => iconv.decode(Buffer.from([b]), 'windows-1252').replace('\uFFFD', String.fromCharCode(b))).join('');

describe('decode', () => {
  it('reads plain UTF-8 and reports nothing', () => {
    expect(decode(utf8(zh))).toEqual({ text: zh, encoding: 'UTF-8', repairs: [] });
  });

  it('strips a UTF-8 BOM without calling it a repair', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(zh)]));
    expect(r.text).toBe(zh);
    expect(r.repairs).toEqual([]);
  });

  it.each([
    ['UTF-16LE', [0xff, 0xfe]],
    ['UTF-16BE', [0xfe, 0xff]],
  ])('reads %s with a BOM', (encoding, bom) => {
    const bytes = new Uint8Array([...bom, ...iconv.encode(zh, encoding)]);
    const r = decode(bytes);
    expect(r.text).toBe(zh);
    expect(r.encoding).toBe(encoding);
    expect(r.repairs).toEqual([`${encoding} (BOM) → UTF-8`]);
  });

  it('reads GB18030 (as saved by Chinese Windows editors)', () => {
    const r = decode(new Uint8Array(iconv.encode(zh, 'gb18030')));
    expect(r.text).toBe(zh);
    expect(r.encoding).toBe('GB18030');
    expect(r.repairs).toEqual(['GB18030 → UTF-8']);
  });

  it('reads a short GBK note that a statistical detector alone might misread', () => {
    const short = '学习日志：今天复习了第三课。\n';
    expect(decode(new Uint8Array(iconv.encode(short, 'gbk'))).text).toBe(short);
  });

  it('repairs UTF-8 that was once read as Windows-1252 and saved again', () => {
    const broken = mojibake(zh);
    expect(broken).toContain('ç¬¬ä¸€è¯¾');
    const r = decode(utf8(broken));
    expect(r.text).toBe(zh);
    expect(r.repairs).toEqual([expect.stringMatching(/^mojibake repaired in \d+ places$/)]);
  });
});

describe('repairMojibake', () => {
  it('turns the classic example back into 中文', () => {
    expect(repairMojibake('ä¸­æ–‡')).toEqual({ text: '中文', count: 1 });
  });

  it('repairs only the damaged part of a line', () => {
    expect(repairMojibake(`ok ${mojibake('损失函数')} ok — 中文 “引号”`).text).toBe('ok 损失函数 ok — 中文 “引号”');
  });

  it('leaves accented Latin text and typographic punctuation alone', () => {
    for (const text of ['café naïve façade', 'Ångström — “quoted” … ½ × ÷', 'A–B, 50°C, © 2023', '——中文破折号——']) {
      expect(repairMojibake(text)).toEqual({ text, count: 0 });
    }
  });
});
