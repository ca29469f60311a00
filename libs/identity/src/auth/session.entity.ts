import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sign-in session: the family of refresh tokens issued since one sign-in. Revoking it ends every token
 * of the family, access tokens included (they name their session and it is checked on each request).
 */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: SessionRevocationReason | null;
}

export type SessionRevocationReason = 'SIGNED_OUT' | 'REFRESH_TOKEN_REUSED' | 'USER_SUSPENDED' | 'PASSWORD_CHANGED';
