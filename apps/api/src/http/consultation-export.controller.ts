import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ResultsService } from '@majlis/consultations';
import type { AuthenticatedActor } from '@majlis/identity';
import { CurrentActor } from '../graphql/auth/current-actor.decorator';

/** Moderators: a consultation's contributions as CSV (UTF-8 with BOM; consent respected as for publication). */
@Controller('consultations')
export class ConsultationExportController {
  constructor(private readonly results: ResultsService) {}

  @Get(':id/contributions.csv')
  async export(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Res() response: Response) {
    const { filename, content } = await this.results.csv(actor, id);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${filename}"`);
    response.send(content);
  }
}
