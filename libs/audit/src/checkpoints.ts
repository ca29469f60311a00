import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { ChainKey, Checkpoint } from './audit-chain';

/**
 * Signed checkpoints of the chains' heads, appended as JSON lines to a file outside the database (under DATA_DIR by
 * default). Someone who rewrites the database cannot rewrite this file's past lines without the key, so removing
 * the last rows of a chain, or rewriting it whole, shows at the next verification.
 */
export class CheckpointFile {
  constructor(
    private readonly path: string,
    private readonly key: ChainKey,
  ) {}

  append(checkpoint: Checkpoint): string {
    const line = JSON.stringify({ ...checkpoint, mac: this.key.signCheckpoint(content(checkpoint)) });
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
    return line;
  }

  /**
   * The checkpoints of one database, and the lines that are not valid checkpoints (a forged or damaged line is a
   * finding in itself: it is reported, never trusted).
   */
  read(database: string): { checkpoints: Checkpoint[]; invalid: number[] } {
    if (!existsSync(this.path)) return { checkpoints: [], invalid: [] };
    const checkpoints: Checkpoint[] = [];
    const invalid: number[] = [];
    readFileSync(this.path, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const parsed = parseLine(line);
        if (!parsed || !sameMac(parsed.mac, this.key.signCheckpoint(content(parsed.checkpoint)))) {
          invalid.push(index + 1);
          return;
        }
        if (parsed.checkpoint.database === database) checkpoints.push(parsed.checkpoint);
      });
    return { checkpoints, invalid };
  }
}

/** What the signature covers, in a fixed order. */
function content(checkpoint: Checkpoint): string {
  return JSON.stringify([checkpoint.chain, checkpoint.database, checkpoint.sequence, checkpoint.hash, checkpoint.at]);
}

function parseLine(line: string): { checkpoint: Checkpoint; mac: string } | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const fields = ['chain', 'database', 'sequence', 'hash', 'at', 'mac'] as const;
    if (!fields.every((field) => typeof value[field] === 'string')) return null;
    const [chain, database, sequence, hash, at, mac] = fields.map((field) => value[field] as string);
    return { checkpoint: { chain, database, sequence, hash, at }, mac };
  } catch {
    return null;
  }
}

function sameMac(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
