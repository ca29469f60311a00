/**
 * The reader in Chromium: a version of about 300 KB carrying 1,000 visible annotations.
 * Prints the time until the first highlights are painted and until the page answers input (both from navigation
 * start), the longest task while scrolling from top to bottom, and the initial JavaScript gzipped.
 * Goals (issue 9): ≤ 1.5 s, no task over 100 ms, ≤ 250 KB.  Start it through bench/web-reader.bench.ts.
 */
import { freePort, withDatabase } from './bench-support';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import {
  SAMPLE_PASSWORD,
  createApp,
  loadConfig,
  migrate,
  seedSampleDataIfEmpty,
  startEmbeddedPostgres,
} from '@majlis/api';
import { parseVersionText } from '@majlis/documents';
import { describeSelection } from '@majlis/anchoring';

const ROOT = join(__dirname, '..');
const ANNOTATIONS = 1000;
const MOTIVATIONS = ['COMMENTING', 'QUESTIONING', 'OBJECTING', 'AMENDING', 'SUPPORTING'];

function corpus(): string {
  const words =
    'le la les des entreprises aide formation emploi plafond dirhams délai ministère zone offshoring article présente circulaire conditions fixées arrêté contribution État secteur'.split(
      ' ',
    );
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sentence = () => {
    const n = 12 + Math.floor(random() * 14);
    const s = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)} ${Math.floor(random() * 100000)}.`;
  };
  const parts = ['# Circulaire de banc d’essai'];
  for (let article = 1; parts.join('\n\n').length < 300_000; article++) {
    parts.push(`### Article ${article} — Dispositions ${article}`);
    for (let p = 0; p < 4; p++) parts.push(Array.from({ length: 4 }, sentence).join(' '));
  }
  return parts.join('\n\n');
}

export async function main(): Promise<number> {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  try {
    console.log('building the web client');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'apps/web/vite.config.mts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const index = readFileSync(join(ROOT, 'dist/apps/web/index.html'), 'utf8');
    const scripts = [...index.matchAll(/src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const initialJs = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(ROOT, 'dist/apps/web', file))).length,
      0,
    );

    const dataDir = join(ROOT, 'tmp', `bench-web-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const running = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    cleanups.push(() => running.stop());
    const admin = new Client({ connectionString: running.url });
    admin.on('error', () => undefined); // DROP … WITH (FORCE) at the end may terminate it
    await admin.connect();
    cleanups.push(() => admin.end());
    const name = `majlis_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = withDatabase(running.url, name);
    await migrate(databaseUrl);
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      JWT_SECRET: `bench-${randomBytes(24).toString('hex')}`,
      SEED_SAMPLE_DATA: 'false',
      DATABASE_URL: databaseUrl,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    });
    const app = await createApp({ config, databaseUrl, webRoot: join(ROOT, 'dist/apps/web') });
    cleanups.unshift(() => app.close());
    await seedSampleDataIfEmpty(app);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const token = async (email: string) =>
      (
        await gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
          i: { email, password: SAMPLE_PASSWORD },
        })
      ).signIn.accessToken as string;
    const moderator = await token('moderatrice@mtnra.example');
    const markdown = corpus();
    const created = (
      await gql(
        'mutation($i: CreateDocumentInput!) { createDocument(input: $i) { document { id version } } }',
        {
          i: {
            kind: 'CIRCULAR',
            reference: 'Banc 1/2026',
            title: 'Banc d’essai',
            language: 'FR',
            commentsOpenAt: new Date(Date.now() - 86400000).toISOString(),
            commentsCloseAt: new Date(Date.now() + 86400000 * 30).toISOString(),
          },
        },
        moderator,
      )
    ).createDocument.document;
    await gql(
      'mutation($i: PublishDocumentVersionInput!) { publishDocumentVersion(input: $i) { reanchoredAnnotations } }',
      { i: { documentId: created.id, markdown, changeNote: 'banc' } },
      moderator,
    );
    const doc = (await gql('query($id: ID!) { document(id: $id) { version } }', { id: created.id }, moderator))
      .document;
    await gql(
      'mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { document { id } } }',
      { i: { id: created.id, version: doc.version, status: 'OPEN_FOR_COMMENT' } },
      moderator,
    );
    const plainText = parseVersionText(markdown).plainText;
    console.log(
      `version: ${(Buffer.byteLength(plainText) / 1024).toFixed(0)} KB of plain text; posting ${ANNOTATIONS} annotations`,
    );
    const authors = await Promise.all(
      ['representant@fmo.example', 'membre@fmo.example', 'membre@atlas.example'].map(token),
    );
    let next = 0;
    const post = async () => {
      while (next < ANNOTATIONS) {
        const i = next++;
        const start = Math.floor((i / ANNOTATIONS) * (plainText.length - 400)) + (i % 7) * 13;
        const end = start + 20 + (i % 9) * 15;
        const { quote } = describeSelection(plainText, start, end);
        await gql(
          'mutation($i: CreateAnnotationInput!) { createAnnotation(input: $i) { annotation { id } } }',
          {
            i: {
              documentId: created.id,
              versionNumber: 1,
              target: { ...quote, start, end },
              motivation: MOTIVATIONS[i % 5],
              body: `Annotation ${i}`,
              suggestedText: MOTIVATIONS[i % 5] === 'AMENDING' ? 'texte proposé' : null,
              visibility: 'PUBLIC',
            },
          },
          authors[i % authors.length],
        );
      }
    };
    await Promise.all(Array.from({ length: 6 }, post));

    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    cleanups.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${base}/sign-in`);
    await page.fill('input[type=email]', 'membre@atlas.example');
    await page.fill('input[type=password]', SAMPLE_PASSWORD);
    await page.click('form button[type=submit]');
    await page.locator('.document-list a').first().waitFor();
    const results: {
      highlights: number;
      interactive: number;
      allDrawn: number;
      longestScrollTask: number;
      markers: number;
    }[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${base}/read/${created.id}/1`);
      await page.waitForFunction(() => performance.getEntriesByName('majlis:highlights').length > 0, null, {
        timeout: 60_000,
      });
      const highlights = await page.evaluate(() => performance.getEntriesByName('majlis:highlights')[0].startTime);
      // Interactive: the first moment a task posted after the highlights runs (the main thread is free).
      const interactive = await page.evaluate(
        () => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0)),
      );
      await page.waitForFunction((n) => document.querySelectorAll('.marker').length >= n, ANNOTATIONS, {
        timeout: 60_000,
      });
      const allDrawn = await page.evaluate(() => performance.now());
      const markers = await page.locator('.marker').count();
      const longestScrollTask = await page.evaluate(async () => {
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        window.scrollTo(0, 0);
        while (window.scrollY + window.innerHeight < document.body.scrollHeight - 2) {
          window.scrollBy(0, 400);
          await frame();
        }
        await frame();
        observer.disconnect();
        return longest;
      });
      results.push({ highlights, interactive, allDrawn, longestScrollTask, markers });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `\nreader, ${ANNOTATIONS} annotations (${results[0].markers} markers drawn), median of ${results.length} loads:`,
    );
    console.log(
      `  first highlights painted   ${median(results.map((r) => r.highlights)).toFixed(0)} ms   (goal ≤ 1500 ms)`,
    );
    console.log(
      `  interactive                ${median(results.map((r) => r.interactive)).toFixed(0)} ms   (goal ≤ 1500 ms)`,
    );
    console.log(
      `  all ${ANNOTATIONS} annotations drawn    ${median(results.map((r) => r.allDrawn)).toFixed(0)} ms   (10 pages of 100)`,
    );
    console.log(
      `  longest task while scrolling ${median(results.map((r) => r.longestScrollTask)).toFixed(0)} ms   (goal ≤ 100 ms; 0 = no task over 50 ms)`,
    );
    console.log(`  initial JavaScript, gzipped ${(initialJs / 1024).toFixed(1)} KB   (goal ≤ 250 KB)`);
    return 0;
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}
