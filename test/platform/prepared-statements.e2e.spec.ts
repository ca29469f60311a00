import { Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { preparingClient } from '@majlis/api';
import { PLANNED_PER_RUN, StatementNames } from '@majlis/kernel';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

const preparedOn = async (client: PoolClient | DataSource): Promise<string[]> => {
  const rows: { statement: string }[] =
    client instanceof DataSource
      ? await client.query(`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`)
      : (await client.query(`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`)).rows;
  return rows.map((row) => row.statement);
};

/**
 * Hot statements run prepared (apps/api/src/database/prepared-statements.ts): a statement with parameters is named
 * once it has run often enough, each connection parses it once, and everything else runs as before.
 */
describe('prepared hot statements', () => {
  describe('on a pool of the preparing client', () => {
    const names = new StatementNames(3, 2);
    let pool: Pool;
    let client: PoolClient;

    beforeAll(async () => {
      pool = new Pool({
        connectionString: process.env['MAJLIS_E2E_ADMIN_URL'],
        max: 1,
        Client: preparingClient(names),
      });
      client = await pool.connect();
    });
    afterAll(async () => {
      client.release();
      await pool.end();
    });

    it('runs a statement unnamed until it is hot, then prepared, with the same answers', async () => {
      const text = `SELECT $1::int * 2 AS doubled, $2::text AS word`;
      const answers: unknown[] = [];
      const preparedAfter: boolean[] = [];
      for (let run = 1; run <= 5; run++) {
        answers.push((await client.query(text, [run, 'مرحبا <b>'])).rows[0]);
        preparedAfter.push((await preparedOn(client)).includes(text));
      }
      expect(preparedAfter).toEqual([false, false, true, true, true]);
      expect(answers).toEqual([1, 2, 3, 4, 5].map((run) => ({ doubled: run * 2, word: 'مرحبا <b>' })));
    });

    it('leaves statements without parameters alone: transaction control and several statements in one text', async () => {
      for (let run = 0; run < 4; run++) {
        await client.query('BEGIN');
        await client.query(`SELECT 1; SELECT 2`);
        await client.query('COMMIT');
      }
      expect(await preparedOn(client)).toEqual([expect.stringContaining('doubled')]);
    });

    it('never prepares a statement that asks to be planned per run (search)', async () => {
      const text = `${PLANNED_PER_RUN}SELECT $1::text AS term`;
      for (let run = 0; run < 5; run++) expect((await client.query(text, ['zyq'])).rows).toEqual([{ term: 'zyq' }]);
      expect(await preparedOn(client)).not.toContain(text);
      expect(names.prepared).toBe(1);
    });

    it('recovers when a statement is first parsed inside a failed transaction', async () => {
      const text = `SELECT $1::int + 1 AS next`;
      for (let run = 0; run < 2; run++) await client.query(text, [run]);
      await client.query('BEGIN');
      await expect(client.query(`SELECT 1/0`)).rejects.toThrow(/division by zero/);
      // Its third run is its first named one: the Parse fails with the transaction, and nothing is taken as parsed.
      await expect(client.query(text, [41])).rejects.toThrow(/current transaction is aborted/);
      await client.query('ROLLBACK');
      expect((await client.query(text, [41])).rows).toEqual([{ next: 42 }]);
      expect(await preparedOn(client)).toContain(text);
    });

    it('runs new texts unnamed once the budget of names is spent', async () => {
      expect(names.prepared).toBe(2);
      const text = `SELECT $1::text AS echoed`;
      for (let run = 0; run < 5; run++) expect((await client.query(text, ['x'])).rows).toEqual([{ echoed: 'x' }]);
      expect(await preparedOn(client)).not.toContain(text);
    });

    it('keeps a name the caller gave', async () => {
      await client.query({ name: 'callers_own', text: `SELECT $1::int AS n`, values: [7] });
      const rows = (await client.query(`SELECT name FROM pg_prepared_statements WHERE name = 'callers_own'`)).rows;
      expect(rows).toEqual([{ name: 'callers_own' }]);
    });
  });

  describe("when a migration changes a prepared statement's result columns (a rolling upgrade)", () => {
    const names = new StatementNames(2, 10);
    // One connection, kept: the probe is a temporary table of its session.
    let pool: Pool;
    const text = `SELECT * FROM stale_plan_probe WHERE id = $1`;
    const addColumn = (column: string) =>
      pool.query(`ALTER TABLE stale_plan_probe ADD COLUMN ${column} text DEFAULT '${column}'`);

    beforeAll(async () => {
      pool = new Pool({
        connectionString: process.env['MAJLIS_E2E_ADMIN_URL'],
        max: 1,
        idleTimeoutMillis: 0,
        Client: preparingClient(names),
      });
      await pool.query(`CREATE TEMP TABLE stale_plan_probe (id int PRIMARY KEY, word text)`);
      await pool.query(`INSERT INTO stale_plan_probe VALUES (1, 'كلمة')`);
      for (let run = 0; run < 3; run++) await pool.query(text, [1]);
      expect(names.prepared).toBe(1);
    });
    afterAll(() => pool.end());

    it('runs a statement on its own again under a new name: the caller sees the new columns, not an error', async () => {
      await addColumn('added');
      expect((await pool.query(text, [1])).rows).toEqual([{ id: 1, word: 'كلمة', added: 'added' }]);
      expect((await pool.query(text, [1])).rows).toEqual([{ id: 1, word: 'كلمة', added: 'added' }]);
    });

    it('lets the error stand inside a transaction (it is aborted), and the retried transaction succeeds', async () => {
      await addColumn('later');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await expect(client.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        expect((await client.query(text, [1])).rows).toEqual([{ id: 1, word: 'كلمة', added: 'added', later: 'later' }]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });

    it('leaves other errors of a prepared statement as they are', async () => {
      await expect(pool.query(text, ['not a number'])).rejects.toThrow(/invalid input syntax for type integer/);
      expect(names.prepared).toBe(1);
    });
  });

  describe('in the app', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it("prepares the session check that every signed-in request runs, on the requests' pool", async () => {
      const { accessToken } = await app.signIn(ACCOUNTS.federationMember);
      for (let run = 0; run < 12; run++) {
        const response = await app.gql<{ me: { email: string } }>(`{ me { email } }`, {}, accessToken);
        expect(response.data?.me.email).toBe(ACCOUNTS.federationMember);
      }
      const prepared = await preparedOn(app.nest.get(DataSource));
      expect(prepared).toEqual(expect.arrayContaining([expect.stringMatching(/FROM users u JOIN sessions s/)]));
    });
  });
});
