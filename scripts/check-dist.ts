import path from 'node:path';
import { checkDist } from './lib/dist-check';

/**
 * `npm run check:dist [dir]`: checks a built site before it is deployed. Reads the base path and
 * site URL the build used from BASE_PATH and SITE_URL, like the build itself.
 */
const dir = path.resolve(process.argv[2] ?? 'dist');
const base = (process.env['BASE_PATH'] ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
const site = process.env['SITE_URL'] || 'http://localhost:4321';
const problems = checkDist(dir, { base, site });
if (problems.length === 0) {
  console.log(`check:dist: ${path.relative(process.cwd(), dir) || '.'} is clean (base ${base})`);
} else {
  for (const p of problems) console.error(`${p.file}: [${p.rule}] ${p.message}`);
  console.error(`\ncheck:dist: ${problems.length} problem(s) in ${path.relative(process.cwd(), dir)}`);
  process.exit(1);
}
