import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const SPACE_VISIBILITIES = ['PUBLIC', 'RESTRICTED', 'PRIVATE'] as const;
export type SpaceVisibility = (typeof SPACE_VISIBILITIES)[number];
export const SPACE_ROLES = ['OWNER', 'MODERATOR', 'PARTICIPANT', 'OBSERVER'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

/** A discussion space owned by an organisation: PUBLIC (all read and post), RESTRICTED (all read, members post), PRIVATE (members only). */
@Entity({ name: 'spaces' })
export class Space {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'owner_organization_id', type: 'uuid' })
  ownerOrganizationId: string;

  @Column({ type: 'text' })
  visibility: SpaceVisibility;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** A member of a space: one person, or a whole organisation (all its members, for as long as they are). */
@Entity({ name: 'space_members' })
export class SpaceMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  role: SpaceRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
