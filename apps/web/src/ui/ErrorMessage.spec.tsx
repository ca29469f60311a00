import { CombinedGraphQLErrors } from '@apollo/client';
import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { apiError } from '../annotations/test-support';
import { describeError } from '../app/errors';
import { messagesFor, type AppLocale } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

const refusal = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors(apiError(code, message, extensions));

function show(error: unknown, locale: AppLocale = 'fr') {
  return render(
    <IntlProvider locale={locale} messages={messagesFor(locale)}>
      <ErrorMessage error={error} />
    </IntlProvider>,
  );
}

describe('ErrorMessage: refusal reasons', () => {
  it('reads the reason beside the code', () => {
    expect(describeError(refusal('FORBIDDEN', 'Locked.', { reason: 'THREAD_LOCKED' }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'THREAD_LOCKED',
      detail: 'Locked.',
    });
    expect(describeError(refusal('FORBIDDEN', 'No.', { reason: 42 })).reason).toBeUndefined();
  });

  it.each([
    ['fr', 'La date limite de la consultation est passée.'],
    ['ar', 'انقضى الأجل المحدد للاستشارة.'],
    ['en', 'The consultation’s deadline has passed.'],
  ] as const)('says why in %s, with the API’s own message below', (locale, sentence) => {
    show(refusal('DEADLINE_PASSED', 'The deadline has passed.', { reason: 'CONSULTATION_CLOSED' }), locale);
    expect(screen.getByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByText('The deadline has passed.')).toBeInTheDocument();
  });

  it('tells two refusals of one code apart', () => {
    show(refusal('DEADLINE_PASSED', 'Closed.', { reason: 'DOCUMENT_CLOSED' }), 'en');
    expect(screen.getByRole('alert')).toHaveTextContent('This document is not open for comments now.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('consultation');
  });

  it('falls back to the code’s message for a reason it does not know, or none', () => {
    show(refusal('FORBIDDEN', 'Some new rule.', { reason: 'A_REASON_ADDED_LATER' }), 'en');
    expect(screen.getByRole('alert')).toHaveTextContent(messagesFor('en')['errors.FORBIDDEN']!);
    expect(screen.getByText('Some new rule.')).toBeInTheDocument();
    show(refusal('CONFLICT', 'Changed.'), 'fr');
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent(messagesFor('fr')['errors.CONFLICT']!);
  });

  it('counts the wait of a throttled sign-in in the person’s language', () => {
    const throttled = refusal('RATE_LIMITED', 'Too many.', { reason: 'SIGN_IN_THROTTLED', retryAfterSeconds: 2 });
    show(throttled, 'ar');
    expect(screen.getByRole('alert')).toHaveTextContent('ثانيتين');
  });
});
