#!/usr/bin/env node
/**
 * `npm start`'s build step: builds the API and the web client (`npm run build`, through Nx) only when their inputs
 * changed since the last successful build, so that a restart starts the server at once. The inputs: every file
 * under apps/api, apps/web, libs and migrations (their contents, not their dates), the root configuration, and the
 * Node version; their hash is kept in dist/.build-inputs, written after a build succeeded and the outputs exist.
 * `--force` builds anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

function inputsHash() {
  const hash = createHash('sha256').update(process.version);
  const paths = [
    ...SOURCES.flatMap((source) => [...files(join(root, source))]),
    ...ROOT_FILES.map((f) => join(root, f)),
  ];
  for (const path of paths.sort()) {
    if (!existsSync(path)) continue;
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

const started = Date.now();
const hash = inputsHash();
const built = OUTPUTS.every((output) => existsSync(join(root, output)));
const previous = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (!process.argv.includes('--force') && built && previous === hash) {
  console.log(`build: nothing changed since the last build (checked in ${Date.now() - started} ms)`);
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP, `${hash}\n`);
