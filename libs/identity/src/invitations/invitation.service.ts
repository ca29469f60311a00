import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  ConflictError,
  DeadlinePassedError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  ensureAllowed,
  isUniqueViolation,
  parseInput,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { hashPassword, newPassword, verifyPassword } from '../auth/password';
import { hashSecret, newSecret } from '../auth/secret-token';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { Membership } from '../memberships/membership.entity';
import { OrganizationPolicy } from '../organizations/organization.policy';
import { OrganizationService } from '../organizations/organization.service';
import { User } from '../users/user.entity';
import { Invitation } from './invitation.entity';
import {
  AcceptInvitationInput,
  InviteMemberInput,
  acceptInvitationInput,
  inviteMemberInput,
} from './invitation.inputs';

export interface IssuedInvitation {
  readonly invitation: Invitation;
  /** The single-use secret to hand to the invitee; it is never stored nor shown again. */
  readonly token: string;
}

export interface AcceptedInvitation {
  readonly user: User;
  readonly membership: Membership;
}

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async invite(actor: Actor, raw: InviteMemberInput): Promise<IssuedInvitation> {
    const organization = await this.organizations.get(actor, raw.organizationId, 'organizationId');
    const input = parseInput(inviteMemberInput, raw);
    ensureAllowed(
      OrganizationPolicy.canInvite(actor, organization, input.role),
      input.role === 'REPRESENTATIVE'
        ? 'Only the ministry’s moderators can appoint representatives.'
        : 'Only this organisation’s representatives can invite people into it.',
    );
    const alreadyMember = await this.db.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organization_id = $2`,
      [input.email, organization.id],
    );
    if (alreadyMember.length > 0)
      throw new ConflictError('This person is already a member of the organisation.', 'email');

    const token = newSecret();
    const repository = this.db.getRepository(Invitation);
    const saved = await repository.save(
      repository.create({
        tokenHash: hashSecret(token),
        email: input.email,
        organizationId: organization.id,
        role: input.role,
        invitedById: actor.userId,
        expiresAt: new Date(this.clock.now().getTime() + this.options.invitationTtlHours * 3_600_000),
        acceptedAt: null,
        acceptedById: null,
      }),
    );
    await this.audit.record({
      kind: 'INVITATION_SENT',
      actorId: actor.userId,
      subjectType: 'ORGANIZATION',
      subjectId: organization.id,
      details: { invitationId: saved.id, email: input.email, role: input.role },
    });
    return { invitation: saved, token };
  }

  /**
   * Accepting creates the account (the invitee chooses a password) or, for an e-mail already registered,
   * adds the membership once the existing password is confirmed. Single use, checked under a row lock.
   */
  async accept(raw: AcceptInvitationInput): Promise<AcceptedInvitation> {
    const input = parseInput(acceptInvitationInput, raw);
    return this.db.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(Invitation)
        .createQueryBuilder('inv')
        .setLock('pessimistic_write')
        .where('inv.token_hash = :hash', { hash: hashSecret(input.token) })
        .getOne();
      if (!invitation) throw new NotFoundError('Invitation', 'This invitation link is not valid.');
      if (invitation.acceptedAt) throw new ConflictError('This invitation has already been used.', 'token');
      if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) {
        throw new DeadlinePassedError('This invitation has expired. Ask for a new one.');
      }
      const user = await this.accountFor(manager, invitation, input);
      const membership = await this.addMembership(manager, invitation, user);
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: this.clock.now(), acceptedById: user.id });
      await this.audit.record(
        {
          kind: 'INVITATION_ACCEPTED',
          actorId: user.id,
          subjectType: 'ORGANIZATION',
          subjectId: invitation.organizationId,
          details: { invitationId: invitation.id, role: invitation.role },
        },
        manager,
      );
      return { user, membership };
    });
  }

  private async accountFor(
    manager: EntityManager,
    invitation: Invitation,
    input: ReturnType<typeof acceptInvitationInput.parse>,
  ): Promise<User> {
    const existing = await manager
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: invitation.email })
      .getOne();
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new UnauthenticatedError('An account with this e-mail exists: enter its password to accept.');
      }
      return existing;
    }
    const password = parseInput(newPassword, input.password, 'password');
    if (!input.displayName) throw InvalidInputError.field('displayName', 'is required to create your account');
    const repository = manager.getRepository(User);
    try {
      return await repository.save(
        repository.create({
          email: invitation.email,
          displayName: input.displayName,
          locale: input.locale ?? 'fr',
          platformRole: 'MEMBER',
          status: 'ACTIVE',
          passwordHash: await hashPassword(password),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw new ConflictError('An account with this e-mail already exists.', 'email');
      throw error;
    }
  }

  private async addMembership(manager: EntityManager, invitation: Invitation, user: User): Promise<Membership> {
    const repository = manager.getRepository(Membership);
    try {
      return await repository.save(
        repository.create({ userId: user.id, organizationId: invitation.organizationId, role: invitation.role }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('You are already a member of this organisation.');
      throw error;
    }
  }
}
