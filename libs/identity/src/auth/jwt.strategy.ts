import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity.options';
import { AccessTokenClaims, AuthenticatedActor } from './authenticated-actor';
import { AuthenticationService } from './authentication.service';

/** passport-jwt: a Bearer access token (HS256), then the live check of its user and session. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
    private readonly authentication: AuthenticationService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Promise<AuthenticatedActor> {
    return this.authentication.resolveActor(claims);
  }
}
