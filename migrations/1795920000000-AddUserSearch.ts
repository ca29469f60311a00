import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff's people search (`users(filter: { text })`, `UserService.search`): a display name matches on the
 * database's one normalisation (`search_trigram_key`, from AddSearch: case, Latin accents, Arabic letter forms), an
 * e-mail address as stored (lower case). Trigram indexes let `LIKE '%…%'` use an index on both.
 */
export class AddUserSearch1795920000000 implements MigrationInterface {
  name = 'AddUserSearch1795920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX users_display_name_trigram ON users USING gin (search_trigram_key(display_name) gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX users_email_trigram ON users USING gin (email gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_email_trigram`);
    await db.query(`DROP INDEX users_display_name_trigram`);
  }
}
