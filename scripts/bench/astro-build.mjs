// `node scripts/bench/astro-build.mjs '<inline config as JSON>'`: Astro's programmatic build, as a
// file rather than `node -e`, because Astro's page workers and our render threads inherit the
// process's flags and refuse `--input-type`.
import { build } from 'astro';

await build(JSON.parse(process.argv[2] ?? '{}'));
