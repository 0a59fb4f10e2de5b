// Runs a command under a Node new enough for this project: `node scripts/with-node.mjs <command> [args…]`.
//
// Every npm script goes through it, so the README's commands work on a machine whose own Node is
// older than `engines.node` in package.json (Debian and Ubuntu ship Node 18 or 20). There it installs
// the Node pinned in .nvmrc from the npm registry's `node` package (which carries the binary) into
// .cache/node once, and runs the command with that Node's folder first on PATH, so the command and
// every process it starts (`npm run`, `npx astro build` in the tests) run under it. With a new
// enough Node it only runs the command.
//
// Plain JavaScript on purpose: it must run on Node 18, which cannot load TypeScript.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEnv } from './lib/build-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.cache', 'node');
const binDir = path.join(cache, 'node_modules', '.bin');

/** `[major, minor, patch]` of a version string such as `v20.20.2` or `24.21.0`. */
function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function atLeast(version, minimum) {
  for (let i = 0; i < 3; i++) if (version[i] !== minimum[i]) return version[i] > minimum[i];
  return true;
}

function fail(message) {
  console.error(`with-node: ${message}`);
  process.exit(1);
}

/** The oldest Node the project runs on, from `engines.node` (written as `>=X.Y.Z`). */
function minimumNode() {
  const range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const minimum = /^>=\s*(\S+)$/.exec(range.trim());
  const version = minimum && parseVersion(minimum[1]);
  if (!version) fail(`package.json engines.node must read ">=X.Y.Z", found ${JSON.stringify(range)}`);
  return { range, version };
}

/** The exact Node version to fetch, from .nvmrc (also read by the deploy workflow's setup-node). */
function pinnedNode() {
  const text = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
  if (!/^\d+\.\d+\.\d+$/.test(text))
    fail(`.nvmrc must hold an exact version such as 24.21.0, found ${JSON.stringify(text)}`);
  return text;
}

function cachedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(cache, 'node_modules', 'node', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs `node@<version>` into .cache/node unless it is there. It installs into a fresh folder
 * and renames it into place, so an interrupted download or two scripts starting at once never
 * leave a half-installed Node behind.
 */
function ensureNode(version) {
  if (cachedVersion() === version && fs.existsSync(path.join(binDir, 'node'))) return;
  console.error(`with-node: installing Node ${version} from the npm registry into .cache/node (once)…`);
  const staging = fs.mkdtempSync(path.join(path.dirname(cache), 'node-'));
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefix',
      staging,
      `node@${version}`,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (npm.status !== 0 || !fs.existsSync(path.join(staging, 'node_modules', '.bin', 'node'))) {
    fs.rmSync(staging, { recursive: true, force: true });
    fail(
      `could not install node@${version} with npm (exit ${npm.status}); install Node ${version} yourself and run the command again`,
    );
  }
  fs.rmSync(cache, { recursive: true, force: true });
  try {
    fs.renameSync(staging, cache);
  } catch (error) {
    // Another script finished the same install first; its copy is as good as ours.
    fs.rmSync(staging, { recursive: true, force: true });
    if (cachedVersion() !== version) throw error;
  }
}

const [command, ...args] = process.argv.slice(2);
if (!command) fail('usage: node scripts/with-node.mjs <command> [args…]');

const env = { ...process.env };
// Nothing leaves the machine: Astro posts anonymous usage figures from every command (build, dev,
// check) to its own server unless told not to. An empty value the reader set sends them again.
env.ASTRO_TELEMETRY_DISABLED ??= '1';
const { range, version: minimum } = minimumNode();
if (!atLeast(parseVersion(process.versions.node), minimum)) {
  const pinned = pinnedNode();
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  ensureNode(pinned);
  env.PATH = `${binDir}${path.delimiter}${env.PATH ?? ''}`;
  console.error(
    `with-node: Node ${process.version} is older than this project needs (${range}); running under Node ${pinned} from .cache/node`,
  );
}

// Node lets its heap grow to a share of the machine's memory before collecting in earnest: at a
// thousand notes `astro build` reached 3.6 GB, mostly garbage. Capped, it collects sooner and runs
// no slower (see README, "npm run bench -- --scale"); and the bundler's freed memory goes back to
// the system at once (build-env.mjs). What the reader set is left alone.
let childEnv = env;
if (command === 'astro' && args[0] === 'build') {
  try {
    childEnv = buildEnv(env, root);
  } catch (error) {
    fail(error.message);
  }
}

const child = spawn(command, args, { stdio: 'inherit', env: childEnv });
// Ctrl+C already reaches the child through the process group: wait for it to stop and report how
// it did. A signal sent to this process alone is passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail(`could not start ${command}: ${error.message}`));
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
