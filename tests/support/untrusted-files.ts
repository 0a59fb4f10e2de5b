import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes into `dir` what a stranger's notes folder can hold under an image's name, made here,
 * never copied: `linked.svg`, a symbolic link to `outside` (a file outside the notes folder);
 * `page.png`, an HTML page (a sign-in page saved instead of the picture); `lfs.png`, a Git LFS
 * pointer; `cut.jpg`, a JPEG cut off before its end (SOI, a JFIF segment, a start-of-scan header
 * and a few bytes of data, no FF D9). The importer, the Markdown pipeline and the mini test site
 * all refuse them.
 */
export function writeUntrustedFiles(dir: string, outside: string): void {
  fs.symlinkSync(outside, path.join(dir, 'linked.svg'));
  fs.writeFileSync(
    path.join(dir, 'page.png'),
    '<!DOCTYPE html>\n<html><body>Sign in to see this image</body></html>\n',
  );
  fs.writeFileSync(
    path.join(dir, 'lfs.png'),
    'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 48213\n',
  );
  fs.writeFileSync(
    path.join(dir, 'cut.jpg'),
    Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0,
      0x3f, 0, 0x12, 0x34, 0x56,
    ]),
  );
}
