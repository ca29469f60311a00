import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MembershipRole } from '@majlis/kernel';

export const MEMBERSHIP_ROLES = ['REPRESENTATIVE', 'MEMBER'] as const;

/** A person's place in an organisation. Only a REPRESENTATIVE speaks on the organisation's behalf. */
@Entity({ name: 'memberships' })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  role: MembershipRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
