/**
 * Writes one top-level field of a note's YAML frontmatter (or of a notebook's YAML sidecar) and
 * nothing else: every other byte of the file stays as it was, line endings included.
 */

const FRONTMATTER = /^(\uFEFF?---(\r?\n))([\s\S]*?)(\r?\n---(?:\r?\n|$))/;

/** `key: value` in a YAML mapping's text: the line replaced where it is (with an indented value under it), or added at the end. */
function setInMapping(yaml: string, key: string, value: string, eol: string): string {
  const line = new RegExp(`^${key.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}:.*(?:\\r?\\n[ \\t]+.*)*`, 'm');
  if (line.test(yaml)) return yaml.replace(line, `${key}: ${value}`);
  if (yaml === '') return `${key}: ${value}`;
  return yaml.endsWith('\n') ? `${yaml}${key}: ${value}${eol}` : `${yaml}${eol}${key}: ${value}`;
}

/**
 * A note's text with `key: value` in its frontmatter; a note without frontmatter gets one.
 * @example setFrontmatterField('---\ntitle: A\n---\nBody', 'translatedFrom', 'abc1234') // '---\ntitle: A\ntranslatedFrom: abc1234\n---\nBody'
 */
export function setFrontmatterField(text: string, key: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = FRONTMATTER.exec(text);
  if (!m) {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    return `${bom}---${eol}${key}: ${value}${eol}---${eol}${text.slice(bom.length)}`;
  }
  const [whole, open = '', , yaml = '', close = ''] = m;
  return open + setInMapping(yaml, key, value, eol) + close + text.slice(whole.length);
}

/**
 * A YAML file's text (a notebook's sidecar) with `key: value` set at its top level.
 * @example setYamlField('title: A\n', 'translatedFrom', 'abc1234') // 'title: A\ntranslatedFrom: abc1234\n'
 */
export function setYamlField(text: string, key: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out = setInMapping(text, key, value, eol);
  return text === '' ? `${out}${eol}` : out;
}
