import { Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  FollowService,
  NOTIFICATIONS_OPTIONS,
  NotificationsOptions,
  verifyUnsubscribeToken,
} from '@majlis/notifications';
import { Public } from '../graphql/auth/public.decorator';

const PAGES = {
  fr: {
    title: 'Se désabonner des e-mails de Majlis',
    ask: 'Ne plus recevoir d’e-mails de notification de Majlis ?',
    button: 'Me désabonner',
    done: 'C’est fait : vous ne recevrez plus d’e-mails de notification. Vous pouvez changer cela dans vos réglages.',
    invalid: 'Ce lien de désabonnement n’est pas valide.',
  },
  ar: {
    title: 'إلغاء الاشتراك في رسائل مجلس',
    ask: 'إيقاف رسائل الإشعارات من مجلس؟',
    button: 'إلغاء الاشتراك',
    done: 'تم: لن تصلك رسائل الإشعارات بعد الآن. يمكنك تغيير ذلك في إعداداتك.',
    invalid: 'رابط إلغاء الاشتراك هذا غير صالح.',
  },
  en: {
    title: 'Unsubscribe from Majlis e-mails',
    ask: 'Stop receiving notification e-mails from Majlis?',
    button: 'Unsubscribe',
    done: 'Done: you will not receive notification e-mails any more. You can change this in your settings.',
    invalid: 'This unsubscribe link is not valid.',
  },
} as const;

/**
 * The signed one-click unsubscribe link of every e-mail. GET shows a confirmation button (mail scanners follow
 * links, so a GET changes nothing); POST — the button, or the mail client's one-click (RFC 8058,
 * `List-Unsubscribe=One-Click`) — turns the person's e-mails off. No session needed: the signature is the proof.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    private readonly follows: FollowService,
  ) {}

  @Public()
  @Get()
  async confirm(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    const userId = verifyUnsubscribeToken(this.options.signingKey, token ?? '');
    const locale = await this.localeOf(userId);
    const page = PAGES[locale];
    if (!userId) return this.page(response, 404, locale, page.invalid);
    const action = `/unsubscribe?token=${encodeURIComponent(token ?? '')}`;
    this.page(
      response,
      200,
      locale,
      `<p>${page.ask}</p><form method="post" action="${escape(action)}"><button type="submit">${page.button}</button></form>`,
      true,
    );
  }

  @Public()
  @Post()
  async unsubscribe(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    const userId = verifyUnsubscribeToken(this.options.signingKey, token ?? '');
    const locale = await this.localeOf(userId);
    if (!userId) return this.page(response, 404, locale, PAGES[locale].invalid);
    await this.follows.setFrequency(userId, 'NONE');
    this.page(response, 200, locale, PAGES[locale].done);
  }

  private async localeOf(userId: string | null): Promise<keyof typeof PAGES> {
    if (!userId) return 'fr';
    const [row] = await this.db.query(`SELECT locale FROM users WHERE id = $1`, [userId]);
    return row?.locale === 'ar' || row?.locale === 'en' ? row.locale : 'fr';
  }

  private page(response: Response, status: number, locale: keyof typeof PAGES, body: string, html = false): void {
    const content = html ? body : `<p>${escape(body)}</p>`;
    response
      .status(status)
      .type('html')
      .send(
        `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${PAGES[locale].title}</title></head>` +
          `<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em;">` +
          `<main><h1>${PAGES[locale].title}</h1>${content}</main></body></html>`,
      );
  }
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
