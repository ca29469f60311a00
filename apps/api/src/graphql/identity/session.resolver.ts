import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthenticatedActor,
  AuthenticationService,
  InvitationService,
  PersonalDataService,
  SignedIn,
  User,
  UserService,
} from '@majlis/identity';
import type { GraphQLContext } from '../graphql-context';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { SignInGuard, SignedInUser } from '../auth/sign-in.guard';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie, wantsRefreshCookie } from '../auth/refresh-cookie';
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  DeleteMyAccountInput,
  RefreshSessionInput,
  SignInInput,
} from './identity.inputs';
import { UserModel } from './identity.models';
import {
  AcceptInvitationPayload,
  DeleteMyAccountPayload,
  SessionPayload,
  SignOutPayload,
  UserPayload,
} from './identity.payloads';

/** The client address password checks are throttled by (X-Forwarded-For's when TRUST_PROXY is on). */
function clientAddressOf(context: GraphQLContext): string | null {
  return context.req.ip ?? null;
}

/** Signing in and out, refreshing tokens, accepting an invitation, changing one's password, and `me`. */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly invitations: InvitationService,
    private readonly users: UserService,
    private readonly personalData: PersonalDataService,
  ) {}

  @Public()
  @UseGuards(SignInGuard)
  @Mutation(() => SessionPayload, { description: 'Signs in with e-mail and password (rate-limited after failures).' })
  async signIn(
    @Args('input') _input: SignInInput,
    @SignedInUser() user: User,
    @Context() context: GraphQLContext,
  ): Promise<SessionPayload> {
    return this.continueAs(context, await this.authentication.startSession(user));
  }

  @Public()
  @Mutation(() => SessionPayload, {
    description: 'Exchanges a refresh token for new tokens; each refresh token works once.',
  })
  async refreshSession(
    @Args('input') input: RefreshSessionInput,
    @Context() context: GraphQLContext,
  ): Promise<SessionPayload> {
    const token = input.refreshToken ?? refreshCookieOf(context.req) ?? '';
    return this.continueAs(context, await this.authentication.refresh(token));
  }

  @Mutation(() => SignOutPayload, {
    description: 'Ends the current session: its access and refresh tokens stop working.',
  })
  async signOut(
    @CurrentActor() actor: AuthenticatedActor,
    @Context() context: GraphQLContext,
  ): Promise<SignOutPayload> {
    await this.authentication.signOut(actor);
    clearRefreshCookie(context);
    return { signedOut: true };
  }

  @Public()
  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Accepts an invitation: signed in as the invitee, at once; otherwise with a password, creating the account if needed, and signs you in.',
  })
  async acceptInvitation(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Args('input') input: AcceptInvitationInput,
    @Context() context: GraphQLContext,
  ): Promise<AcceptInvitationPayload> {
    const accepted = await this.invitations.accept(
      actor,
      {
        token: input.token,
        password: input.password ?? undefined,
        displayName: input.displayName ?? undefined,
        locale: input.locale ?? undefined,
      },
      clientAddressOf(context),
    );
    // Anonymous: the person just proved who they are; the payload's fields resolve as them.
    const session = actor ? null : this.continueAs(context, await this.authentication.startSession(accepted.user));
    return { ...accepted, session } as unknown as AcceptInvitationPayload;
  }

  @Mutation(() => UserPayload, {
    description:
      'Changes your password: the current one is checked (rate-limited after failures), your other sessions end, this one goes on.',
  })
  async changePassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ChangePasswordInput,
    @Context() context: GraphQLContext,
  ): Promise<UserPayload> {
    const user = await this.authentication.changePassword(actor, input, clientAddressOf(context));
    return { user: user as unknown as UserModel };
  }

  @Mutation(() => DeleteMyAccountPayload, {
    description:
      'Deletes your account: personal data erased, sessions ended; your contributions stay, signed "Former member". Your data can be downloaded first at GET /me/personal-data.',
  })
  async deleteMyAccount(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: DeleteMyAccountInput,
    @Context() context: GraphQLContext,
  ): Promise<DeleteMyAccountPayload> {
    await this.personalData.deleteAccount(actor, input.password, clientAddressOf(context));
    return { deleted: true };
  }

  /** The rest of the operation (the payload's fields) runs as the person who just signed in. */
  private continueAs(context: GraphQLContext, { user, tokens, actor }: SignedIn): SessionPayload {
    context.req.user = actor;
    if (wantsRefreshCookie(context.req)) {
      // The web client: the refresh token goes into an httpOnly cookie that page scripts cannot read.
      setRefreshCookie(context, tokens.refreshToken, tokens.refreshTokenExpiresAt);
      return { ...tokens, refreshToken: '', user: user as unknown as UserModel };
    }
    return { ...tokens, user: user as unknown as UserModel };
  }

  @Query(() => UserModel, { description: 'The signed-in person.' })
  me(@CurrentActor() actor: AuthenticatedActor): Promise<User> {
    return this.users.get(actor, actor.userId);
  }
}
