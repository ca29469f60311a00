import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (issue 12), indexed in the same transaction as every write.
 *
 * - `search_normalize(text)`: the one normalisation, IMMUTABLE so that indexes may use it, applied to the indexed
 *   text and to the query alike: lower case, Latin accents removed (`unaccent`), Arabic letters folded (alef and
 *   hamza forms → ا, ى → ي, ة → ه, ؤ → و, ئ → ي) and Arabic diacritics and tatweel removed.
 * - `search_document(title, body)`: the tsvector of a searchable item, in every language at once (French, English and
 *   Arabic stemming, and the unstemmed words for prefixes), its title weighted A. Items are short and of unknown or
 *   mixed language, so each is indexed in all three rather than guessed.
 * - `search_query(query, prefix)`: the tsquery of what was typed (web-search syntax: "phrases", or, -word), in every
 *   language, the word being typed (`prefix`) matched as a prefix.
 * - A generated `search_vector` column with a GIN index on every searchable table; articles (sections of immutable
 *   versions) get theirs from a trigger, since their text is the version's. Names and titles also get a trigram
 *   index on their normalised form, for typo-tolerant matches (`pg_trgm`).
 */
export class AddSearch1795850000000 implements MigrationInterface {
  name = 'AddSearch1795850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE FUNCTION search_normalize(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN translate(lower(public.unaccent('public.unaccent'::regdictionary, input)),
                         'أإآٱىةؤئ' || 'ـًٌٍَُِّْٰۣ',
                         'اااايهوي')`);
    await db.query(`
      CREATE FUNCTION search_words(input text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        BEGIN ATOMIC
          SELECT to_tsvector('french'::regconfig, n) || to_tsvector('english'::regconfig, n)
                 || to_tsvector('arabic'::regconfig, n) || to_tsvector('simple'::regconfig, n)
            FROM (SELECT search_normalize(input) AS n) normalized;
        END`);
    await db.query(`
      CREATE FUNCTION search_document(title text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN setweight(search_words(coalesce(title, '')), 'A') || search_words(coalesce(body, ''))`);
    await db.query(`
      CREATE FUNCTION search_prefix_in(config regconfig, prefix text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN to_tsquery(config, '''' || replace(replace(search_normalize(prefix), '\\', ''), '''', '') || ''':*')`);
    await db.query(`
      CREATE FUNCTION search_query_in(config regconfig, query text, prefix text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE
          WHEN coalesce(prefix, '') = '' THEN websearch_to_tsquery(config, search_normalize(coalesce(query, '')))
          WHEN coalesce(query, '') ~ '^\\s*$' THEN search_prefix_in(config, prefix)
          ELSE websearch_to_tsquery(config, search_normalize(query)) && search_prefix_in(config, prefix)
        END`);
    await db.query(`
      CREATE FUNCTION search_query(query text, prefix text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN search_query_in('french'::regconfig, query, prefix) || search_query_in('english'::regconfig, query, prefix)
            || search_query_in('arabic'::regconfig, query, prefix) || search_query_in('simple'::regconfig, query, prefix)`);
    // array_to_string is STABLE (for arrays of any type); on text[] it is immutable, which generated columns need.
    await db.query(`
      CREATE FUNCTION search_join(words text[]) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN array_to_string(words, ' ')`);
    await db.query(`
      CREATE FUNCTION search_trigram_key(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN left(search_normalize(input), 300)`);

    await db.query(`ALTER TABLE annotations ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(NULL, body || ' ' || coalesce(suggested_text, ''))) STORED`);
    await db.query(`ALTER TABLE comments ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(NULL, body)) STORED`);
    await db.query(`ALTER TABLE threads ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(title, body || ' ' || search_join(tags))) STORED`);
    await db.query(`ALTER TABLE spaces ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(name, description)) STORED`);
    await db.query(`ALTER TABLE consultations ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(title, summary)) STORED`);
    await db.query(`ALTER TABLE consultation_questions ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(prompt, search_join(options))) STORED`);
    await db.query(`ALTER TABLE organizations ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (search_document(name || ' ' || coalesce(acronym, ''), description)) STORED`);

    await db.query(`ALTER TABLE document_sections ADD COLUMN search_vector tsvector`);
    await db.query(`
      CREATE FUNCTION document_sections_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := search_document(NEW.heading,
          (SELECT substring(version.plain_text FROM NEW.start_offset + 1 FOR NEW.end_offset - NEW.start_offset)
             FROM document_versions version WHERE version.id = NEW.version_id));
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER document_sections_search_vector BEFORE INSERT OR UPDATE ON document_sections
      FOR EACH ROW EXECUTE FUNCTION document_sections_search_vector()`);
    await db.query(`UPDATE document_sections SET start_offset = start_offset`);

    for (const table of SEARCHABLE) {
      await db.query(`CREATE INDEX ${table}_search ON ${table} USING gin (search_vector)`);
    }
    for (const [table, column] of NAMES) {
      await db.query(
        `CREATE INDEX ${table}_search_trigram ON ${table} USING gin (search_trigram_key(${column}) gin_trgm_ops)`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table] of NAMES) await db.query(`DROP INDEX ${table}_search_trigram`);
    await db.query(`DROP TRIGGER document_sections_search_vector ON document_sections`);
    await db.query(`DROP FUNCTION document_sections_search_vector()`);
    for (const table of SEARCHABLE) await db.query(`ALTER TABLE ${table} DROP COLUMN search_vector`);
    await db.query(`DROP FUNCTION search_trigram_key(text)`);
    await db.query(`DROP FUNCTION search_join(text[])`);
    await db.query(`DROP FUNCTION search_query(text, text)`);
    await db.query(`DROP FUNCTION search_query_in(regconfig, text, text)`);
    await db.query(`DROP FUNCTION search_prefix_in(regconfig, text)`);
    await db.query(`DROP FUNCTION search_document(text, text)`);
    await db.query(`DROP FUNCTION search_words(text)`);
    await db.query(`DROP FUNCTION search_normalize(text)`);
  }
}

const SEARCHABLE = [
  'annotations',
  'comments',
  'threads',
  'spaces',
  'consultations',
  'consultation_questions',
  'organizations',
  'document_sections',
];

/** Names and titles, matched with typos too (trigrams of their normalised form). */
const NAMES: [string, string][] = [
  ['threads', 'title'],
  ['spaces', 'name'],
  ['consultations', 'title'],
  ['organizations', 'name'],
  ['document_sections', 'heading'],
];
