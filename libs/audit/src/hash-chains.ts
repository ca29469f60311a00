import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AUDIT_EVENTS_CHAIN,
  ChainChecker,
  ChainKey,
  ChainSpec,
  ChainVerdict,
  GENESIS_HASH,
  StoredChainRow,
  chainRecord,
  legacyAuditHash,
  timestampTextSql,
} from './audit-chain';
import { CheckpointFile } from './checkpoints';

export interface AuditOptions {
  /** The HMAC key of the chains, the checkpoints and the pseudonyms (`AUDIT_HMAC_KEY`): never in the database. */
  readonly hmacKey: string;
  /** The append-only file of signed checkpoints (`AUDIT_CHECKPOINT_FILE`, under DATA_DIR by default). */
  readonly checkpointFile: string;
  /** How often the heads are checkpointed while running (also at start and at shutdown); 0: only then. */
  readonly checkpointIntervalSeconds: number;
  /**
   * The other areas' logs kept as chains by this mechanism (the moderation log): each area declares its spec beside
   * its log, and the app composes this list. They are re-keyed, checkpointed and verified after the audit trail, in
   * this order; appending to a chain not listed here is refused (it would never be verified).
   */
  readonly chains: readonly ChainSpec[];
}

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface TrailVerdict {
  readonly ok: boolean;
  readonly chains: ChainVerdict[];
  /** Line numbers of the checkpoint file that are not validly signed checkpoints (forged or damaged). */
  readonly invalidCheckpointLines: number[];
}

/**
 * The chains (the audit trail, then those the app registers: the moderation log) under one mechanism: appends,
 * verification against the key and the checkpoints, checkpoints on an interval and at shutdown, and the one-off
 * re-keying of rows written before the chains were keyed.
 */
@Injectable()
export class HashChains implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('AuditChain');
  readonly key: ChainKey;
  /** The audit trail's chain first, then the registered ones (`AuditOptions.chains`), in the order given. */
  readonly chains: readonly ChainSpec[];
  private readonly checkpoints: CheckpointFile;
  private timer: NodeJS.Timeout | null = null;
  private readonly lastCheckpointed = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {
    this.key = new ChainKey(options.hmacKey);
    this.chains = [AUDIT_EVENTS_CHAIN, ...options.chains];
    const tables = this.chains.map((spec) => spec.table);
    const twice = tables.find((table, index) => tables.indexOf(table) !== index);
    if (twice) throw new Error(`The chain ${twice} is registered twice.`);
    this.checkpoints = new CheckpointFile(options.checkpointFile, this.key);
  }

  /**
   * Appends a row to a chain, in the caller's transaction when given one (so it commits or rolls back with the
   * change). `values` holds every hashed column; timestamps are written as the microsecond text that is hashed.
   */
  async append(spec: ChainSpec, values: Record<string, unknown>, manager?: EntityManager): Promise<void> {
    if (!this.chains.some((registered) => registered.table === spec.table))
      throw new Error(`The chain ${spec.table} is not registered (AuditOptions.chains): it would never be verified.`);
    const work = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [spec.lockKey]);
      const [last] = await tx.query(`SELECT hash FROM ${spec.table} ORDER BY sequence DESC LIMIT 1`);
      const record = chainRecord(spec, values);
      const previousHash: string = last?.hash ?? GENESIS_HASH;
      const columns = Object.keys(spec.columns);
      const parameters = columns.map((column) => {
        const value = record[column];
        return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
      });
      await tx.query(
        `INSERT INTO ${spec.table} (${columns.join(', ')}, previous_hash, hash)
         VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')}, $${columns.length + 1}, $${columns.length + 2})`,
        [...parameters, previousHash, this.key.chainHash(previousHash, record)],
      );
    };
    if (manager?.queryRunner?.isTransactionActive) await work(manager);
    else await this.db.transaction(work);
  }

  /** Checks every chain against the key and the checkpoints; names the first broken row of each. */
  async verify(): Promise<TrailVerdict> {
    const database = await this.databaseName();
    const { checkpoints, invalid } = this.checkpoints.read(database);
    const chains: ChainVerdict[] = [];
    for (const spec of this.chains) {
      const checker = new ChainChecker(
        spec.table,
        this.key,
        checkpoints.filter((checkpoint) => checkpoint.chain === spec.table),
      );
      for await (const row of this.rowsInOrder(spec)) if (!checker.check(row)) break;
      chains.push(checker.verdict());
    }
    return {
      ok: invalid.length === 0 && chains.every((verdict) => verdict.ok),
      chains,
      invalidCheckpointLines: invalid,
    };
  }

  /** Records each chain's head in the checkpoint file (when it moved) and in the log. */
  async checkpoint(): Promise<void> {
    const database = await this.databaseName();
    for (const spec of this.chains) {
      const [head] = await this.db.query(
        `SELECT sequence::text AS sequence, hash FROM ${spec.table} WHERE hash IS NOT NULL ORDER BY ${spec.table}.sequence DESC LIMIT 1`,
      );
      if (!head || this.lastCheckpointed.get(spec.table) === head.hash) continue;
      const at = new Date().toISOString();
      this.checkpoints.append({ chain: spec.table, database, sequence: head.sequence, hash: head.hash, at });
      this.lastCheckpointed.set(spec.table, head.hash);
      this.logger.log(`audit checkpoint ${spec.table} #${head.sequence} ${head.hash} at ${at}`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rekeyLegacyRows();
    await this.checkpoint();
    if (this.options.checkpointIntervalSeconds > 0) {
      this.timer = setInterval(
        () => void this.checkpoint().catch((error) => this.logger.warn(`audit checkpoint failed: ${String(error)}`)),
        this.options.checkpointIntervalSeconds * 1000,
      );
      this.timer.unref();
    }
  }

  /** A last checkpoint before the database connections close (bounded: an unreachable database never delays shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopTimer();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      this.checkpoint().catch((error) => this.logger.warn(`audit checkpoint at shutdown failed: ${String(error)}`)),
      new Promise<void>((resolve) => (timeout = setTimeout(resolve, 2000).unref())),
    ]);
    clearTimeout(timeout);
  }

  onModuleDestroy(): void {
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Rows written before the chains were keyed (the audit trail's unkeyed SHA-256 rows, the moderation log's unchained
   * rows) are keyed once, at the first start with a key. Refused when checkpoints already exist: unkeyed rows then
   * mean someone unkeyed them, and re-keying would launder their changes (audit:verify names them instead).
   */
  private async rekeyLegacyRows(): Promise<void> {
    const database = await this.databaseName();
    const { checkpoints } = this.checkpoints.read(database);
    for (const spec of this.chains) {
      const [{ legacy }] = await this.db.query(`SELECT count(*)::int AS legacy FROM ${spec.table} WHERE NOT keyed`);
      if (legacy === 0) continue;
      if (checkpoints.some((checkpoint) => checkpoint.chain === spec.table)) {
        this.logger.error(
          `${legacy} row(s) of ${spec.table} are not keyed although the chain has checkpoints: not re-keying them (possible tampering); run npm run audit:verify`,
        );
        continue;
      }
      await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [spec.lockKey]);
        const rows: StoredChainRow[] = [];
        for await (const row of this.rowsInOrder(spec, tx)) rows.push(row);
        // The audit trail's old rows are checked against their unkeyed hashes first: a broken chain is not laundered.
        let previous = GENESIS_HASH;
        for (const row of rows.filter((candidate) => !candidate.keyed && spec.table === AUDIT_EVENTS_CHAIN.table)) {
          if (row.previousHash !== previous || legacyAuditHash(previous, row.record) !== row.hash) {
            this.logger.error(`${spec.table} row #${row.sequence} breaks the unkeyed chain: not re-keying`);
            return;
          }
          previous = row.hash;
        }
        await tx.query(`ALTER TABLE ${spec.table} DISABLE TRIGGER ${spec.table}_append_only`);
        previous = GENESIS_HASH;
        for (const row of rows) {
          const hash = this.key.chainHash(previous, row.record);
          await tx.query(`UPDATE ${spec.table} SET previous_hash = $2, hash = $3, keyed = true WHERE sequence = $1`, [
            row.sequence,
            previous,
            hash,
          ]);
          previous = hash;
        }
        await tx.query(`ALTER TABLE ${spec.table} ENABLE TRIGGER ${spec.table}_append_only`);
        this.logger.log(`keyed the ${spec.table} chain: ${rows.length} row(s) re-hashed with the audit HMAC key`);
      });
    }
  }

  private async databaseName(): Promise<string> {
    const [{ name }] = await this.db.query('SELECT current_database() AS name');
    return name;
  }

  private async *rowsInOrder(
    spec: ChainSpec,
    manager: EntityManager = this.db.manager,
  ): AsyncGenerator<StoredChainRow> {
    const select = Object.entries(spec.columns)
      .map(([column, kind]) => (kind === 'timestamp' ? `${timestampTextSql(column)} AS ${column}` : column))
      .join(', ');
    let after = '0';
    for (;;) {
      const batch: Record<string, unknown>[] = await manager.query(
        `SELECT sequence::text AS sequence, keyed, previous_hash, hash, ${select}
           FROM ${spec.table} WHERE ${spec.table}.sequence > $1 ORDER BY ${spec.table}.sequence LIMIT 5000`,
        [after],
      );
      if (batch.length === 0) return;
      for (const row of batch)
        yield {
          sequence: row['sequence'] as string,
          keyed: row['keyed'] as boolean,
          previousHash: row['previous_hash'] as string | null,
          hash: row['hash'] as string | null,
          record: chainRecord(spec, row),
        };
      after = batch[batch.length - 1]['sequence'] as string;
    }
  }
}
