import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation names unique on their folded form (NFKC, invisible characters removed, case folded: the kernel's
 * foldName, computed by the app on every write into name_key), instead of lower(name): "FMO" plus a zero-width
 * space, or in full-width letters, is the same name. Rows written without the app fall back to lower(name).
 * Existing rows are backfilled with the nearest SQL (lower() folds ASCII only under the C collation); where two
 * existing names fold alike, the one whose name is already in folded form keeps the key, the other lower(name).
 */
export class FoldOrganizationNames1795740000000 implements MigrationInterface {
  name = 'FoldOrganizationNames1795740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations ADD COLUMN name_key text`);
    await db.query(`
      WITH folded AS (
        SELECT id, name, created_at,
               btrim(regexp_replace(lower(normalize(regexp_replace(name,
                 '[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFFB]',
                 '', 'g'), NFKC)), '\\s+', ' ', 'g')) AS key
          FROM organizations),
      ranked AS (
        SELECT id, key, row_number() OVER (PARTITION BY key ORDER BY (lower(name) = key) DESC, created_at, id) AS n
          FROM folded)
      UPDATE organizations o SET name_key = ranked.key FROM ranked WHERE o.id = ranked.id AND ranked.n = 1`);
    await db.query(`DROP INDEX organizations_name_key`);
    await db.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations ((coalesce(name_key, lower(name))))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX organizations_name_key`);
    await db.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`);
    await db.query(`ALTER TABLE organizations DROP COLUMN name_key`);
  }
}
