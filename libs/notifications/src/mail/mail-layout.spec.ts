import { renderMail } from './mail-layout';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-link';

describe('renderMail', () => {
  it('writes Arabic right to left, escapes what people typed, and says the same in text and HTML', () => {
    const mail = renderMail({
      locale: 'ar',
      subject: 'موضوع',
      greeting: 'مرحبًا <b>سلمى</b>،',
      paragraphs: ['فقرة'],
      action: { label: 'فتح', url: 'https://majlis.example/x?a=1&b=2' },
      unsubscribeUrl: 'https://majlis.example/unsubscribe?token=t',
    });
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('&lt;b&gt;سلمى&lt;/b&gt;');
    expect(mail.html).toContain('href="https://majlis.example/x?a=1&amp;b=2"');
    expect(mail.text).toContain('فتح: https://majlis.example/x?a=1&b=2');
    expect(mail.text).toContain('https://majlis.example/unsubscribe?token=t');
  });

  it('groups sections with their items', () => {
    const mail = renderMail({
      locale: 'fr',
      subject: 's',
      greeting: 'Bonjour,',
      paragraphs: [],
      sections: [{ heading: 'Circulaire', items: [{ text: 'Réponse', url: 'https://x/1', at: new Date(0) }] }],
    });
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.text).toContain('## Circulaire\n- Réponse');
  });
});

describe('unsubscribe tokens', () => {
  const id = '0e001ed8-69f8-448a-ad22-d89ddb73ee50';
  it('verifies its own signature only', () => {
    const token = unsubscribeToken('key-1', id);
    expect(verifyUnsubscribeToken('key-1', token)).toBe(id);
    expect(verifyUnsubscribeToken('key-2', token)).toBeNull();
    expect(verifyUnsubscribeToken('key-1', `${id}.forged`)).toBeNull();
    expect(verifyUnsubscribeToken('key-1', 'garbage')).toBeNull();
  });
});
