import { Controller, Get } from '@nestjs/common';
import { Public } from '../graphql/auth/public.decorator';
import { SAMPLE_PASSWORD, SAMPLE_USERS } from '../seed/sample-organizations';

/**
 * The demo accounts, for the sign-in page. Mounted only when the API runs with its illustrative sample data
 * outside production (see AppModule); elsewhere the path is unknown (404).
 */
@Public()
@Controller('demo-accounts')
export class DemoAccountsController {
  @Get()
  list(): { password: string; accounts: { email: string; describes: string }[] } {
    return {
      password: SAMPLE_PASSWORD,
      accounts: SAMPLE_USERS.map((user) => ({ email: user.email, describes: user.describes })),
    };
  }
}
