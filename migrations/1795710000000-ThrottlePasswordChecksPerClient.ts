import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password checks are throttled per (client, e-mail) and per e-mail with doubling delays, instead of locks per
 * e-mail and per client address (which let one attacker lock everyone out behind a load balancer). Sessions can
 * end because their person changed their password.
 */
export class ThrottlePasswordChecksPerClient1795710000000 implements MigrationInterface {
  name = 'ThrottlePasswordChecksPerClient1795710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sign_in_failures`);
    await db.query(`
      CREATE TABLE sign_in_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures > 0),
        last_failure_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await db.query(`CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at)`);
    await db.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await db.query(
      `ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
         CHECK (revoked_reason IN ('SIGNED_OUT', 'REFRESH_TOKEN_REUSED', 'USER_SUSPENDED', 'PASSWORD_CHANGED'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await db.query(
      `ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
         CHECK (revoked_reason IN ('SIGNED_OUT', 'REFRESH_TOKEN_REUSED', 'USER_SUSPENDED'))`,
    );
    await db.query(`DROP TABLE sign_in_throttle`);
    await db.query(`
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }
}
