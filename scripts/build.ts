import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  AFTER_ASTRO_PLAN,
  runPlannedSteps,
  type FoundWhileAstroRan,
  type StepLogger,
} from '../src/integrations/after-astro';
import { buildId } from '../src/integrations/offline/build-id';
import { keepBundle, nodeBundle, ownImportMeta } from '../src/node/node-bundle';
import { buildEnv } from './lib/build-env.mjs';
import { configOption } from './lib/config-option';
import { astroCli } from './lib/run-script';

/**
 * `npm run build [-- astro options]`: Astro's build, then the steps that come after it (the search
 * index and the offline reader, src/integrations/after-astro.ts) in this process, once Astro's
 * has ended and given its memory back: Pagefind's binary then runs beside a small process instead
 * of Astro's. Options go to `astro build` as given (`--outDir`, `--config`, `--force`…).
 */
const root = path.resolve(import.meta.dirname, '..');

const time = () => new Date().toTimeString().slice(0, 8);
const logger = (name: string): StepLogger => ({
  info: (message) => console.log(`${time()} [${name}] ${message}`),
  warn: (message) => console.warn(`${time()} [${name}] ${message}`),
});

/** Runs `astro build` with the build's environment and the plan file named; resolves with its exit code. */
function astroBuild(args: string[], plan: string): Promise<number> {
  const child = spawn(process.execPath, [astroCli, 'build', ...args], {
    stdio: 'inherit',
    env: buildEnv({ ...process.env, [AFTER_ASTRO_PLAN]: plan }, root),
  });
  // Ctrl+C reaches Astro through the process group; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Astro's options with `--config` naming the config bundled into one module (src/node/node-bundle.ts),
 * which Astro imports as it is: a TypeScript config goes through a Vite server of its own that
 * transforms each of the sixty-odd source files it imports in turn (0.75–0.92 s against 0.40–0.43 s
 * to load). Clean builds of the real notes took 12.4–12.9 s instead of 14.1–14.5 s (alternating,
 * three each), content sync and the phases after it shorter too, with the same site. A config that
 * will not bundle is passed as given, for Astro to report.
 */
async function withBundledConfig(args: string[]): Promise<string[]> {
  const { config = 'astro.config.ts', rest } = configOption(args);
  const entry = path.resolve(root, config);
  if (!fs.existsSync(entry)) return args;
  try {
    const { outputFiles } = await build({ ...nodeBundle, entryPoints: [entry], plugins: [ownImportMeta] });
    const bundle = keepBundle(pathToFileURL(`${root}/`), 'notes-config', outputFiles[0]!.text);
    return [...rest, '--config', path.relative(root, fileURLToPath(bundle))];
  } catch (error) {
    console.warn(`${time()} [build] ${config} could not be bundled, so Astro loads it itself: ${String(error)}`);
    return args;
  }
}

/**
 * The build's name, worked out here while Astro starts rather than in the offline step after it has
 * ended: hashing the notes folder takes a tenth of a second or more (the real corpus's 59 MB), on
 * the core Astro's start leaves idle, and names the notes as the build began to read them. Should a
 * file not read, the offline step names the build itself and reports what failed.
 */
function nameTheBuild(): FoundWhileAstroRan {
  try {
    return { buildName: buildId() };
  } catch {
    return {};
  }
}

const planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'after-astro-'));
try {
  const astro = astroBuild(await withBundledConfig(process.argv.slice(2)), path.join(planDir, 'plan.json'));
  const found = nameTheBuild();
  const code = await astro;
  if (code !== 0) process.exitCode = code;
  else await runPlannedSteps(path.join(planDir, 'plan.json'), logger, found);
} finally {
  fs.rmSync(planDir, { recursive: true, force: true });
}
