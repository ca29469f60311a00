#!/usr/bin/env node
/**
 * `npm start`'s build step: builds the API and the web client (`npm run build`, through Nx) only when their inputs
 * changed since the last successful build, so that a restart starts the server at once. The inputs: every file
 * under apps/api, apps/web, libs and migrations (their contents, not their dates), the root configuration, and the
 * Node version; their hash is kept in dist/.build-inputs, written after a build succeeded and the outputs exist.
 * Reading every file costs a restart a few hundred milliseconds, so the stamp also keeps a fingerprint of the files'
 * paths, sizes and modification times: when that is unchanged, the contents are not read again (a touched file only
 * costs the content hash, not a build). `--force` builds anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const SOURCES = ['apps/api', 'apps/web', 'libs', 'migrations'];
const ROOT_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'nx.json'];
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.nx', 'tmp']);
const OUTPUTS = ['dist/apps/api/main.js', 'dist/apps/web/index.html'];
const STAMP = join(root, 'dist', '.build-inputs');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function inputPaths() {
  return [...SOURCES.flatMap((source) => [...files(join(root, source))]), ...ROOT_FILES.map((f) => join(root, f))]
    .filter((path) => existsSync(path))
    .sort();
}

/** The contents: what decides whether to build. */
function inputsHash(paths) {
  const hash = createHash('sha256').update(process.version);
  for (const path of paths) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

/** Paths, sizes and modification times: when these are as recorded, the contents are too. */
function statsHash(paths) {
  const hash = createHash('sha256').update(process.version);
  for (const path of paths) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(root, path)}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/** The stamp: `{ inputs, stats }` (an older stamp holds the inputs' hash alone). */
function readStamp() {
  if (!existsSync(STAMP)) return {};
  const text = readFileSync(STAMP, 'utf8').trim();
  try {
    return JSON.parse(text);
  } catch {
    return { inputs: text };
  }
}

const started = Date.now();
const paths = inputPaths();
const stats = statsHash(paths);
const built = OUTPUTS.every((output) => existsSync(join(root, output)));
const stamp = readStamp();
const force = process.argv.includes('--force');
if (!force && built && stamp.stats === stats) {
  console.log(`build: nothing changed since the last build (checked in ${Date.now() - started} ms)`);
  process.exit(0);
}
const inputs = inputsHash(paths);
if (!force && built && stamp.inputs === inputs) {
  writeFileSync(STAMP, `${JSON.stringify({ inputs, stats })}\n`);
  console.log(`build: nothing changed since the last build (contents checked in ${Date.now() - started} ms)`);
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The inputs as they were when the build started: a file changed during the build makes the next start build again.
writeFileSync(STAMP, `${JSON.stringify({ inputs, stats })}\n`);
