import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FederationAffiliation, Membership, Organization, User, hashPassword } from '@majlis/identity';
import { actorsByEmail, seedSampleDocuments } from './seed-sample-documents';
import { seedSampleConsultation } from './seed-sample-consultation';
import { seedSampleSpaces } from './seed-sample-spaces';
import { SAMPLE_ORGANIZATIONS, SAMPLE_PASSWORD, SAMPLE_USERS, SampleUser } from './sample-organizations';

/**
 * Loads the illustrative sample data into an empty database — organisations and people in one transaction, then
 * the sample circular through the domain services; does nothing when the database already has users.
 */
export async function seedSampleDataIfEmpty(app: INestApplicationContext): Promise<boolean> {
  const db = app.get(DataSource);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM users`);
  if (count > 0) return false;
  await seedOrganizationsAndPeople(db);
  await seedSampleDocuments(app);
  const actors = await actorsByEmail(db);
  await seedSampleSpaces(app, actors);
  await seedSampleConsultation(app, actors);
  return true;
}

async function seedOrganizationsAndPeople(db: DataSource): Promise<void> {
  const passwordHash = await hashPassword(SAMPLE_PASSWORD);
  await db.transaction(async (manager) => {
    const users = new Map<string, User>();
    for (const sample of SAMPLE_USERS) {
      users.set(
        sample.email,
        await manager.save(
          manager.create(User, {
            email: sample.email,
            displayName: sample.displayName,
            platformRole: sample.platformRole,
            locale: sample.locale,
            status: 'ACTIVE',
            passwordHash,
          }),
        ),
      );
    }
    const verifier = users.get('moderatrice@mtnra.example')!;
    const organizations = new Map<string, Organization>();
    for (const sample of SAMPLE_ORGANIZATIONS) {
      organizations.set(
        sample.key,
        await manager.save(
          manager.create(Organization, {
            kind: sample.kind,
            name: sample.name,
            acronym: sample.acronym ?? null,
            ice: sample.ice ?? null,
            description: sample.description,
            verifiedAt: sample.verified ? new Date() : null,
            verifiedById: sample.verified ? verifier.id : null,
          }),
        ),
      );
    }
    for (const sample of SAMPLE_ORGANIZATIONS) {
      for (const federation of sample.federations ?? []) {
        await manager.save(
          manager.create(FederationAffiliation, {
            federationId: organizations.get(federation)!.id,
            organizationId: organizations.get(sample.key)!.id,
            createdById: verifier.id,
          }),
        );
      }
    }
    for (const sample of SAMPLE_USERS) {
      for (const membership of sample.memberships) {
        await manager.save(
          manager.create(Membership, {
            userId: users.get(sample.email)!.id,
            organizationId: organizations.get(membership.organization)!.id,
            role: membership.role,
          }),
        );
      }
    }
  });
}

export function describeDemoAccounts(): string[] {
  return SAMPLE_USERS.map((user: SampleUser) => `${user.email.padEnd(30)} ${user.describes}`);
}

export { SAMPLE_PASSWORD };
