/** The languages e-mails are written in (the person's interface language). */
export type MailLocale = 'fr' | 'ar' | 'en';

export type NotificationKind =
  'MENTION' | 'REPLY' | 'OFFICIAL_ANSWER' | 'MODERATION' | 'ACTIVITY' | 'DEADLINE_REMINDER';

interface Messages {
  readonly hello: (name: string) => string;
  readonly footer: string;
  readonly unsubscribe: string;
  readonly passwordReset: { subject: string; body: (minutes: number) => string; action: string; ignore: string };
  readonly invitation: {
    subject: (organization: string) => string;
    body: (inviter: string, organization: string) => string;
    action: string;
    expires: (date: string) => string;
  };
  readonly notification: { subject: (title: string) => string; open: string };
  readonly digest: { subject: (count: number) => string; intro: (count: number) => string; elsewhere: string };
  readonly reminder: {
    subject: (title: string, hours: number) => string;
    body: (title: string, hours: number) => string;
    action: string;
  };
  readonly kinds: Readonly<Record<NotificationKind, string>>;
}

export const MAIL_MESSAGES: Readonly<Record<MailLocale, Messages>> = {
  fr: {
    hello: (name) => `Bonjour ${name},`,
    footer: 'Majlis — plateforme de concertation autour de la circulaire 15/2025.',
    unsubscribe: 'Ne plus recevoir ces e-mails',
    passwordReset: {
      subject: 'Réinitialiser votre mot de passe Majlis',
      body: (minutes) =>
        `Quelqu’un a demandé à réinitialiser le mot de passe de votre compte. Ce lien sert une seule fois et expire dans ${minutes} minutes.`,
      action: 'Choisir un nouveau mot de passe',
      ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe ne change pas.',
    },
    invitation: {
      subject: (organization) => `Invitation à rejoindre ${organization} sur Majlis`,
      body: (inviter, organization) => `${inviter} vous invite à rejoindre ${organization} sur Majlis.`,
      action: 'Accepter l’invitation',
      expires: (date) => `Ce lien expire le ${date}.`,
    },
    notification: { subject: (title) => `Majlis : ${title}`, open: 'Ouvrir' },
    digest: {
      subject: (count) => `Majlis : ${count} nouveauté${count > 1 ? 's' : ''}`,
      intro: (count) =>
        `Voici ${count} nouveauté${count > 1 ? 's' : ''} que vous n’avez pas encore lue${count > 1 ? 's' : ''}.`,
      elsewhere: 'Autres',
    },
    reminder: {
      subject: (title, hours) => `« ${title} » se termine dans ${hours} h`,
      body: (title, hours) =>
        `La consultation « ${title} » se termine dans ${hours} heures et votre organisation n’a pas encore soumis sa contribution.`,
      action: 'Ouvrir la consultation',
    },
    kinds: {
      MENTION: 'vous a mentionné',
      REPLY: 'vous a répondu',
      OFFICIAL_ANSWER: 'Réponse officielle à votre annotation',
      MODERATION: 'Décision de modération sur votre contenu',
      ACTIVITY: 'Nouveau dans ce que vous suivez',
      DEADLINE_REMINDER: 'Échéance de consultation',
    },
  },
  ar: {
    hello: (name) => `مرحبًا ${name}،`,
    footer: 'مجلس — منصة التشاور حول الدورية 15/2025.',
    unsubscribe: 'إيقاف هذه الرسائل',
    passwordReset: {
      subject: 'إعادة تعيين كلمة مرور مجلس',
      body: (minutes) =>
        `طلب أحدهم إعادة تعيين كلمة مرور حسابك. يُستعمل هذا الرابط مرة واحدة وتنتهي صلاحيته بعد ${minutes} دقيقة.`,
      action: 'اختيار كلمة مرور جديدة',
      ignore: 'إن لم تطلب ذلك فتجاهل هذه الرسالة: لن تتغير كلمة مرورك.',
    },
    invitation: {
      subject: (organization) => `دعوة للانضمام إلى ${organization} على مجلس`,
      body: (inviter, organization) => `يدعوك ${inviter} للانضمام إلى ${organization} على مجلس.`,
      action: 'قبول الدعوة',
      expires: (date) => `تنتهي صلاحية هذا الرابط في ${date}.`,
    },
    notification: { subject: (title) => `مجلس: ${title}`, open: 'فتح' },
    digest: {
      subject: (count) => `مجلس: ${count} من المستجدات`,
      intro: (count) => `إليك ${count} من المستجدات التي لم تقرأها بعد.`,
      elsewhere: 'أخرى',
    },
    reminder: {
      subject: (title, hours) => `«${title}» تنتهي بعد ${hours} ساعة`,
      body: (title, hours) => `تنتهي الاستشارة «${title}» بعد ${hours} ساعة ولم تقدّم مؤسستك مساهمتها بعد.`,
      action: 'فتح الاستشارة',
    },
    kinds: {
      MENTION: 'أشار إليك',
      REPLY: 'ردّ عليك',
      OFFICIAL_ANSWER: 'جواب رسمي على تعليقك',
      MODERATION: 'قرار إشراف على محتواك',
      ACTIVITY: 'جديد فيما تتابعه',
      DEADLINE_REMINDER: 'موعد نهائي لاستشارة',
    },
  },
  en: {
    hello: (name) => `Hello ${name},`,
    footer: 'Majlis — the consultation platform around Circular 15/2025.',
    unsubscribe: 'Stop these e-mails',
    passwordReset: {
      subject: 'Reset your Majlis password',
      body: (minutes) =>
        `Someone asked to reset the password of your account. This link works once and expires in ${minutes} minutes.`,
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this e-mail: your password does not change.',
    },
    invitation: {
      subject: (organization) => `Invitation to join ${organization} on Majlis`,
      body: (inviter, organization) => `${inviter} invites you to join ${organization} on Majlis.`,
      action: 'Accept the invitation',
      expires: (date) => `This link expires on ${date}.`,
    },
    notification: { subject: (title) => `Majlis: ${title}`, open: 'Open' },
    digest: {
      subject: (count) => `Majlis: ${count} new item${count > 1 ? 's' : ''}`,
      intro: (count) =>
        `Here ${count > 1 ? 'are' : 'is'} ${count} new item${count > 1 ? 's' : ''} you have not read yet.`,
      elsewhere: 'Elsewhere',
    },
    reminder: {
      subject: (title, hours) => `“${title}” closes in ${hours} h`,
      body: (title, hours) =>
        `The consultation “${title}” closes in ${hours} hours and your organisation has not submitted its contribution yet.`,
      action: 'Open the consultation',
    },
    kinds: {
      MENTION: 'mentioned you',
      REPLY: 'replied to you',
      OFFICIAL_ANSWER: 'Official answer to your annotation',
      MODERATION: 'Moderation decision on your content',
      ACTIVITY: 'New in what you follow',
      DEADLINE_REMINDER: 'Consultation deadline',
    },
  },
};

export function mailLocale(locale: string | null | undefined): MailLocale {
  return locale === 'ar' || locale === 'en' ? locale : 'fr';
}
