import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { foldName } from '@majlis/kernel';

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

  /** The name's folded form (kernel foldName), unique: no look-alike of an existing name. Set on every write. */
  @Column({ name: 'name_key', type: 'text', nullable: true, select: false })
  nameKey?: string | null;

  @BeforeInsert()
  protected foldNameKey(): void {
    this.nameKey = foldName(this.name);
  }

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
