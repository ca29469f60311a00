import { Controller, Get, Header } from '@nestjs/common';
import { AuthenticatedActor, PersonalDataService } from '@majlis/identity';
import { CurrentActor } from '../graphql/auth/current-actor.decorator';

/** Everything the platform holds about the signed-in person, as a JSON download (law 09-08). */
@Controller('me')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('personal-data')
  @Header('content-disposition', 'attachment; filename="majlis-personal-data.json"')
  export(@CurrentActor() actor: AuthenticatedActor) {
    return this.personalData.export(actor);
  }
}
