import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MailerService, OutboxEntry } from '@majlis/notifications';
import { Public } from '../graphql/auth/public.decorator';

/**
 * Development only (registered outside production): the e-mails written to `.data/outbox/` when no SMTP_URL is set,
 * newest first, and each one as its real .eml file.
 */
@Controller('dev/outbox')
export class OutboxController {
  constructor(private readonly mailer: MailerService) {}

  @Public()
  @Get()
  list(): { messages: OutboxEntry[] } {
    return { messages: this.mailer.outbox?.list() ?? [] };
  }

  @Public()
  @Get(':file')
  message(@Param('file') file: string, @Res() response: Response): void {
    const raw = this.mailer.outbox?.read(file);
    if (!raw) throw new NotFoundException('No such message in the outbox.');
    response.type('message/rfc822').send(raw);
  }
}
