import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router';
import { messagesFor, type AppLocale } from '../i18n';
import type { Question } from './answers';

/** Test helpers for the consultations area's component specs (not shipped: only specs import this file). */
export function renderWithIntl(ui: ReactNode, locale: AppLocale = 'fr') {
  return render(
    <IntlProvider locale={locale} messages={messagesFor(locale)}>
      <MemoryRouter>{ui}</MemoryRouter>
    </IntlProvider>,
  );
}

export const QUESTIONS: Question[] = [
  {
    id: 'q-text',
    position: 1,
    kind: 'TEXT',
    prompt: 'Quelles difficultés rencontrez-vous ?',
    required: true,
    options: [],
    maxLength: 500,
    scaleMin: null,
    scaleMax: null,
    sectionKey: 'art-3',
    documentId: 'doc-1',
    versionNumber: 2,
  },
  {
    id: 'q-single',
    position: 2,
    kind: 'SINGLE_CHOICE',
    prompt: 'Le seuil est-il adapté ?',
    required: false,
    options: ['Adapté', 'Trop bas', 'Trop haut'],
    maxLength: null,
    scaleMin: null,
    scaleMax: null,
  },
  {
    id: 'q-multi',
    position: 3,
    kind: 'MULTI_CHOICE',
    prompt: 'Quels secteurs sont concernés ?',
    required: false,
    options: ['Centres d’appel', 'Informatique', 'Ingénierie'],
    maxLength: null,
    scaleMin: null,
    scaleMax: null,
  },
  {
    id: 'q-scale',
    position: 4,
    kind: 'SCALE',
    prompt: 'Clarté du texte',
    required: false,
    options: [],
    maxLength: null,
    scaleMin: 0,
    scaleMax: 4,
  },
];
