import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['MINISTRY', 'FEDERATION', 'COMPANY', 'INSTITUTION'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  /** Identifiant Commun de l'Entreprise: exactly 15 digits, companies only, unique. */
  @Column({ type: 'text', nullable: true })
  ice: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
