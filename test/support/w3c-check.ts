import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHECKER = join(__dirname, 'w3c-annotation-model', 'check.mjs');

/**
 * The W3C annotation-model checker's last line for `document` (an annotation, page or collection). Run without
 * blocking: the app under test shares this process, and a blocked event loop lets the server's keep-alive timers
 * close sockets under the next request (ECONNRESET under load).
 */
export async function w3cModelVerdict(document: unknown): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'majlis-w3c-')), 'annotation.json');
  writeFileSync(file, JSON.stringify(document));
  const { stdout } = await run(process.execPath, [CHECKER, file], { encoding: 'utf8' });
  return stdout.trim().split('\n').pop() ?? '';
}
