import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A company (or institution) that is a member of a federation. */
@Entity({ name: 'federation_affiliations' })
export class FederationAffiliation {
  @PrimaryColumn({ name: 'federation_id', type: 'uuid' })
  federationId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
