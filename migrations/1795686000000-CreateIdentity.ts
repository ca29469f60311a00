import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, organisations, memberships, federation affiliations, invitations, sessions and sign-in throttling. */
export class CreateIdentity1795686000000 implements MigrationInterface {
  name = 'CreateIdentity1795686000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'ar', 'en')),
        platform_role text NOT NULL DEFAULT 'MEMBER' CHECK (platform_role IN ('ADMIN', 'MODERATOR', 'MEMBER')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('MINISTRY', 'FEDERATION', 'COMPANY', 'INSTITUTION')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        acronym text CHECK (length(acronym) BETWEEN 1 AND 30),
        ice text CHECK (ice ~ '^[0-9]{15}$'),
        description text CHECK (length(description) <= 2000),
        verified_at timestamptz,
        verified_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT organizations_ice_for_companies CHECK ((kind = 'COMPANY') = (ice IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX organizations_ice_key ON organizations (ice) WHERE ice IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`);
    await db.query(`CREATE INDEX organizations_name_order ON organizations (name, id)`);
    await db.query(`CREATE INDEX organizations_kind_name_order ON organizations (kind, name, id)`);

    await db.query(`
      CREATE TABLE federation_affiliations (
        federation_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (federation_id, organization_id),
        CHECK (federation_id <> organization_id)
      )`);
    await db.query(`CREATE INDEX federation_affiliations_member ON federation_affiliations (organization_id)`);

    await db.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('REPRESENTATIVE', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_user_organization_key UNIQUE (user_id, organization_id)
      )`);
    await db.query(`CREATE INDEX memberships_organization ON memberships (organization_id, created_at, id)`);

    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL CHECK (email = lower(email)),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('REPRESENTATIVE', 'MEMBER')),
        invited_by_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX invitations_organization ON invitations (organization_id, created_at)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('SIGNED_OUT', 'REFRESH_TOKEN_REUSED', 'USER_SUSPENDED'))
      )`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)`);

    await db.query(`
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'sign_in_failures',
      'refresh_tokens',
      'sessions',
      'invitations',
      'memberships',
      'federation_affiliations',
      'organizations',
      'users',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
