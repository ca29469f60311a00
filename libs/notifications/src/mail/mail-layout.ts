import { MAIL_MESSAGES, MailLocale } from './mail-messages';

export interface MailLink {
  readonly label: string;
  readonly url: string;
}

export interface MailSection {
  readonly heading: string;
  readonly items: readonly { readonly text: string; readonly url: string; readonly at: Date }[];
}

/** What an e-mail says, before it is laid out as text and as HTML. */
export interface MailContent {
  readonly locale: MailLocale;
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly action?: MailLink;
  readonly sections?: readonly MailSection[];
  readonly unsubscribeUrl?: string;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** One layout for every e-mail: a plain-text part and an HTML part saying the same, `dir` set for Arabic. */
export function renderMail(content: MailContent): RenderedMail {
  const messages = MAIL_MESSAGES[content.locale];
  const dir = content.locale === 'ar' ? 'rtl' : 'ltr';
  const when = new Intl.DateTimeFormat(content.locale === 'ar' ? 'ar-MA' : content.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });

  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.sections ?? []).flatMap((section) => [
      `## ${section.heading}`,
      ...section.items.map((item) => `- ${item.text} (${when.format(item.at)} UTC)\n  ${item.url}`),
      '',
    ]),
    '--',
    messages.footer,
    ...(content.unsubscribeUrl ? [`${messages.unsubscribe}: ${content.unsubscribeUrl}`] : []),
  ].join('\n');

  const html = `<!doctype html>
<html lang="${content.locale}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em;">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="font-weight: bold;">${escapeHtml(content.action.label)}</a></p>` : ''}
${(content.sections ?? [])
  .map(
    (section) =>
      `<h2 style="font-size: 1.1em;">${escapeHtml(section.heading)}</h2>\n<ul>\n${section.items
        .map(
          (item) =>
            `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a> <small>${escapeHtml(when.format(item.at))} UTC</small></li>`,
        )
        .join('\n')}\n</ul>`,
  )
  .join('\n')}
<hr>
<p><small>${escapeHtml(messages.footer)}${
    content.unsubscribeUrl
      ? ` · <a href="${escapeHtml(content.unsubscribeUrl)}">${escapeHtml(messages.unsubscribe)}</a>`
      : ''
  }</small></p>
</body>
</html>`;
  return { subject: content.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
