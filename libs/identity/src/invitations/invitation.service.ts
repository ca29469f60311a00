import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  keysetKeyOf,
  pageWindow,
  parseId,
  toConnection,
  ConflictError,
  DeadlinePassedError,
  InvalidInputError,
  NotFoundError,
  ensureAllowed,
  isUniqueViolation,
  enqueueJob,
  parseInput,
} from '@majlis/kernel';
import { AuditService } from '@majlis/audit';
import { AuthenticationService } from '../auth/authentication.service';
import { hashPassword } from '../auth/password';
import { ensureStrongPassword } from '../auth/password-rules';
import { derivedSecret, hashSecret } from '../auth/secret-token';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { Membership } from '../memberships/membership.entity';
import { OrganizationService } from '../organizations/organization.service';
import { User } from '../users/user.entity';
import { Invitation } from './invitation.entity';
import { InvitationPolicy } from './invitation.policy';
import {
  AcceptInvitationInput,
  InviteMemberInput,
  acceptInvitationInput,
  inviteMemberInput,
} from './invitation.inputs';
import { IdentityReason } from '../identity.reasons';

/** The job that e-mails an invitation's link; its payload names the invitation, never the secret. */
export const INVITATION_EMAIL_JOB = 'email.invitation';

export interface IssuedInvitation {
  readonly invitation: Invitation;
  /** The single-use secret to hand to the invitee; it is never stored nor shown again. */
  readonly token: string;
}

const BY_CREATION: KeysetColumn[] = [
  { expression: 'inv.created_at', property: 'createdAt', type: 'timestamptz' },
  { expression: 'inv.id', property: 'id', type: 'uuid' },
];

/** What the holder of an invitation link may know before accepting: who invites them where, and until when. */
export interface InvitationPreview {
  readonly invitation: Invitation;
  readonly organizationName: string;
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
    private readonly authentication: AuthenticationService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async invite(actor: Actor, raw: InviteMemberInput): Promise<IssuedInvitation> {
    const organization = await this.organizations.get(actor, raw.organizationId, 'organizationId');
    const input = parseInput(inviteMemberInput, raw);
    ensureAllowed(
      InvitationPolicy.canInvite(actor, organization, input.role),
      input.role === 'REPRESENTATIVE'
        ? 'Only the ministry’s moderators can appoint representatives.'
        : 'Only this organisation’s representatives can invite people into it.',
      input.role === 'REPRESENTATIVE'
        ? IdentityReason.REPRESENTATIVES_BY_MODERATORS
        : IdentityReason.INVITATIONS_REPRESENTATIVES_ONLY,
    );
    const alreadyMember = await this.db.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organization_id = $2`,
      [input.email, organization.id],
    );
    if (alreadyMember.length > 0)
      throw new ConflictError('This person is already a member of the organisation.', 'email').because(
        IdentityReason.ALREADY_MEMBER,
      );

    const id = randomUUID();
    const sentAt = this.clock.now();
    const token = this.tokenFor(id, sentAt);
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Invitation);
      const saved = await repository.save(
        repository.create({
          id,
          tokenHash: hashSecret(token),
          email: input.email,
          organizationId: organization.id,
          role: input.role,
          invitedById: actor.userId,
          expiresAt: new Date(sentAt.getTime() + this.options.invitationTtlHours * 3_600_000),
          acceptedAt: null,
          acceptedById: null,
          revokedAt: null,
          revokedById: null,
          sentAt,
        }),
      );
      // E-mailed by a job enqueued in this transaction; it carries the id, never the link's secret.
      await enqueueJob(manager, INVITATION_EMAIL_JOB, { invitationId: saved.id });
      await this.audit.record(
        {
          kind: 'INVITATION_SENT',
          actorId: actor.userId,
          subjectType: 'ORGANIZATION',
          subjectId: organization.id,
          details: { invitationId: saved.id, email: input.email, role: input.role },
        },
        manager,
      );
      return { invitation: saved, token };
    });
  }

  /**
   * The secret of an invitation's link: derived from its id and when it was (re)sent under the server key, so the
   * job that e-mails it carries only the id (and only the secret's hash is stored), and a resent invitation gets a
   * new link.
   */
  tokenFor(invitationId: string, sentAt: Date): string {
    return derivedSecret(this.options.jwtSecret, 'invitation', `${invitationId}:${sentAt.getTime()}`);
  }

  /**
   * Accepting an invitation. Signed in, a person accepts the invitations addressed to their own e-mail, without a
   * password. Anonymous, the caller gives a display name and a password: for an e-mail without an account, the
   * account is created with them; for a registered e-mail, the password must be the account's, checked through
   * the one throttled password check (as sign-in). Everything answered before that check (the password rules,
   * the display name, the throttle) is the same whether or not the e-mail has an account, and a wrong password
   * answers what sign-in answers. Single use, checked again under a row lock.
   */
  async accept(
    actor: Actor | null,
    raw: AcceptInvitationInput,
    clientAddress: string | null,
  ): Promise<AcceptedInvitation> {
    const input = parseInput(acceptInvitationInput, raw);
    const invitation = await this.usableInvitation(this.db.manager, input.token);
    let account: User | null;
    if (actor) {
      account = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
      ensureAllowed(
        InvitationPolicy.canAcceptSignedIn(account, invitation),
        'This invitation is addressed to another e-mail address. Sign out to accept it.',
        IdentityReason.INVITATION_FOR_ANOTHER_EMAIL,
      );
    } else {
      if (!input.displayName) throw InvalidInputError.field('displayName', 'is required');
      const password = input.password ?? '';
      ensureStrongPassword(password, { email: invitation.email, displayName: input.displayName }, 'password');
      account = await this.authentication.checkPassword({
        email: invitation.email,
        password,
        clientAddress,
        purpose: 'ACCEPT_INVITATION',
        allowUnknownAccount: true,
      });
    }
    return this.db.transaction(async (manager) => {
      const locked = await this.usableInvitation(manager, input.token, true);
      const user = account ?? (await this.createAccount(manager, locked, input.displayName ?? '', input));
      const membership = await this.addMembership(manager, locked, user);
      await manager.update(Invitation, { id: locked.id }, { acceptedAt: this.clock.now(), acceptedById: user.id });
      await this.audit.record(
        {
          kind: 'INVITATION_ACCEPTED',
          actorId: user.id,
          subjectType: 'ORGANIZATION',
          subjectId: locked.organizationId,
          details: { invitationId: locked.id, role: locked.role, accountCreated: !account },
        },
        manager,
      );
      return { user, membership };
    });
  }

  /**
   * An organisation's pending invitations (neither accepted nor withdrawn; expired ones included, to be resent),
   * oldest first, for its representatives and staff.
   */
  async pendingOf(actor: Actor, rawOrganizationId: string, page: PageRequest): Promise<Connection<Invitation>> {
    const organization = await this.organizations.get(actor, rawOrganizationId, 'organizationId');
    ensureAllowed(
      InvitationPolicy.canSeeInvitations(actor, organization),
      'Only this organisation’s representatives see its invitations.',
      IdentityReason.INVITATIONS_REPRESENTATIVES_ONLY,
    );
    const window = pageWindow(page);
    const pending = InvitationPolicy.isPendingSql('inv');
    const query = this.db
      .getRepository(Invitation)
      .createQueryBuilder('inv')
      .where('inv.organization_id = :organizationId', { organizationId: organization.id })
      .andWhere(pending.sql, pending.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_CREATION, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Invitation>(BY_CREATION), totalCount);
  }

  /**
   * Sends a pending invitation again: a new single-use token (the old link stops working) and a new expiry. Returns
   * the token, as `invite` does, for whoever delivers it.
   */
  async resend(actor: Actor, rawInvitationId: string): Promise<IssuedInvitation> {
    let token = '';
    const invitation = await this.changePending(actor, rawInvitationId, async (manager, locked) => {
      const now = this.clock.now();
      token = this.tokenFor(locked.id, now);
      await manager.update(
        Invitation,
        { id: locked.id },
        {
          tokenHash: hashSecret(token),
          sentAt: now,
          expiresAt: new Date(now.getTime() + this.options.invitationTtlHours * 3_600_000),
        },
      );
      await enqueueJob(manager, INVITATION_EMAIL_JOB, { invitationId: locked.id });
      return 'INVITATION_RESENT';
    });
    return { invitation, token };
  }

  /** Withdraws a pending invitation: its link answers NOT_FOUND from now on. */
  async revoke(actor: Actor, rawInvitationId: string): Promise<Invitation> {
    return this.changePending(actor, rawInvitationId, async (manager, locked) => {
      await manager.update(Invitation, { id: locked.id }, { revokedAt: this.clock.now(), revokedById: actor.userId });
      return 'INVITATION_REVOKED';
    });
  }

  /** Who invites the holder of `token` where, and until when; the same errors as accepting it. */
  async preview(rawToken: string): Promise<InvitationPreview> {
    const { token } = parseInput(acceptInvitationInput.pick({ token: true }), { token: rawToken });
    const invitation = await this.usableInvitation(this.db.manager, token);
    const [organization] = await this.db.query(`SELECT name FROM organizations WHERE id = $1`, [
      invitation.organizationId,
    ]);
    return { invitation, organizationName: organization.name };
  }

  /**
   * One path for changing a pending invitation: visible to its organisation's representatives and staff (else
   * NOT_FOUND), changed by whoever could issue it (else FORBIDDEN), still pending under a row lock (else CONFLICT),
   * audited in the same transaction. Returns the invitation as changed.
   */
  private async changePending(
    actor: Actor,
    rawInvitationId: string,
    change: (manager: EntityManager, locked: Invitation) => Promise<'INVITATION_RESENT' | 'INVITATION_REVOKED'>,
  ): Promise<Invitation> {
    const id = parseId(rawInvitationId, 'invitationId');
    return this.db.transaction(async (manager) => {
      const found = await manager
        .getRepository(Invitation)
        .createQueryBuilder('inv')
        .where('inv.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!found || !InvitationPolicy.canSeeInvitations(actor, { id: found.organizationId })) {
        throw new NotFoundError('Invitation');
      }
      ensureAllowed(
        InvitationPolicy.canManage(actor, found),
        'Only the ministry’s moderators can change an invitation of a representative.',
        IdentityReason.REPRESENTATIVES_BY_MODERATORS,
      );
      if (!InvitationPolicy.isPending(found)) {
        throw new ConflictError(
          found.acceptedAt ? 'This invitation has already been accepted.' : 'This invitation was withdrawn.',
          'invitationId',
        ).because(found.acceptedAt ? IdentityReason.INVITATION_ACCEPTED : IdentityReason.INVITATION_WITHDRAWN);
      }
      const kind = await change(manager, found);
      await this.audit.record(
        {
          kind,
          actorId: actor.userId,
          subjectType: 'ORGANIZATION',
          subjectId: found.organizationId,
          details: { invitationId: found.id },
        },
        manager,
      );
      return manager.getRepository(Invitation).findOneByOrFail({ id: found.id });
    });
  }

  /** The invitation of a token, if it can still be accepted; under a row lock inside the accepting transaction. */
  private async usableInvitation(manager: EntityManager, token: string, lock = false): Promise<Invitation> {
    const query = manager
      .getRepository(Invitation)
      .createQueryBuilder('inv')
      .where('inv.token_hash = :hash', { hash: hashSecret(token) });
    if (lock) query.setLock('pessimistic_write');
    const invitation = await query.getOne();
    if (!invitation) throw new NotFoundError('Invitation', 'This invitation link is not valid.');
    if (invitation.revokedAt)
      throw new NotFoundError('Invitation', 'This invitation was withdrawn. Ask for a new one.');
    if (invitation.acceptedAt)
      throw new ConflictError('This invitation has already been used.', 'token').because(
        IdentityReason.INVITATION_ACCEPTED,
      );
    if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DeadlinePassedError('This invitation has expired. Ask for a new one.').because(
        IdentityReason.INVITATION_EXPIRED,
      );
    }
    return invitation;
  }

  /** A new account for the invited e-mail; the password was checked against the rules before. */
  private async createAccount(
    manager: EntityManager,
    invitation: Invitation,
    displayName: string,
    input: ReturnType<typeof acceptInvitationInput.parse>,
  ): Promise<User> {
    const repository = manager.getRepository(User);
    try {
      return await repository.save(
        repository.create({
          email: invitation.email,
          displayName,
          locale: input.locale ?? 'fr',
          platformRole: 'MEMBER',
          status: 'ACTIVE',
          passwordHash: await hashPassword(input.password ?? ''),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw new ConflictError('This invitation was accepted at the same time elsewhere. Sign in.', 'token').because(
          IdentityReason.INVITATION_ACCEPTED,
        );
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
      if (isUniqueViolation(error))
        throw new ConflictError('You are already a member of this organisation.').because(
          IdentityReason.ALREADY_MEMBER,
        );
      throw error;
    }
  }
}
