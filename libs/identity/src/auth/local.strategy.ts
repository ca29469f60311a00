import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { User } from '../users/user.entity';
import { AuthenticationService } from './authentication.service';

/** passport-local: e-mail and password, checked by the authentication service (throttled, argon2id). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly authentication: AuthenticationService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, email: string, password: string): Promise<User> {
    return this.authentication.verifyCredentials(email, password, request.ip ?? null);
  }
}
