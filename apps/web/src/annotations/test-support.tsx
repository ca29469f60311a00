import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { AnnotationCardFieldsFragment, ReplyFieldsFragment, ViewerFragment } from '../graphql/generated/graphql';
import { messagesFor, type AppLocale } from '../i18n';

/** Test helpers for the annotation area's component specs (not shipped: only specs import this file). */
export function viewerFixture(overrides: Partial<ViewerFragment> = {}): ViewerFragment {
  const fixture = {
    __typename: 'User',
    id: 'u-me',
    displayName: 'Salma Idrissi',
    email: 'membre@fmo.example',
    locale: 'FR',
    platformRole: 'MEMBER',
    version: 1,
    memberships: [
      {
        __typename: 'Membership',
        id: 'm1',
        role: 'REPRESENTATIVE',
        organization: { __typename: 'Organization', id: 'o-fmo', name: 'FMO', acronym: 'FMO', kind: 'FEDERATION' },
      },
    ],
    ...overrides,
  };
  // The API sends __typename everywhere; the generated fragment types leave it out.
  return fixture as ViewerFragment;
}

export function replyFixture(overrides: Partial<ReplyFieldsFragment> & { id: string }): ReplyFieldsFragment {
  const fixture = {
    __typename: 'Comment',
    depth: 1,
    parentId: null,
    isDeleted: false,
    isOfficial: false,
    bodyHtml: `<p>Réponse ${overrides.id}</p>`,
    bodyMarkdown: `Réponse ${overrides.id}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    version: 1,
    endorsementCount: 0,
    viewerHasEndorsed: false,
    author: person('u-other', 'Karim Alaoui'),
    organization: null,
    moderation: null,
    ...overrides,
  };
  // The API sends __typename everywhere; the generated fragment types leave it out.
  return fixture as ReplyFieldsFragment;
}

export function annotationFixture(
  overrides: Partial<AnnotationCardFieldsFragment> = {},
  replies: ReplyFieldsFragment[] = [],
): AnnotationCardFieldsFragment {
  const fixture = {
    __typename: 'Annotation',
    id: 'a1',
    motivation: 'COMMENTING',
    status: 'OPEN',
    visibility: 'PUBLIC',
    isDeleted: false,
    bodyHtml: '<p>Le plafond est trop bas.</p>',
    bodyMarkdown: 'Le plafond est trop bas.',
    suggestedText: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    version: 1,
    endorsementCount: 0,
    viewerHasEndorsed: false,
    replyCount: replies.length,
    author: person('u-me', 'Salma Idrissi'),
    organization: null,
    target: {
      __typename: 'TextTarget',
      exact: 'plafonné à 60 000 dirhams',
      prefix: "l'aide est ",
      suffix: ' par emploi',
      start: 20,
      end: 45,
      sectionKey: 'art-3',
    },
    moderation: null,
    answer: null,
    replies: {
      __typename: 'CommentConnection',
      totalCount: replies.length,
      edges: replies.map((node) => ({ __typename: 'CommentEdge', node })),
    },
    ...overrides,
  };
  // The API sends __typename everywhere; the generated fragment types leave it out.
  return fixture as AnnotationCardFieldsFragment;
}

/** A person as the API sends it (with its __typename, which the generated fragment types leave out). */
export const person = (id: string, displayName: string) =>
  ({ __typename: 'User', id, displayName }) as { id: string; displayName: string };

/** A GraphQL error as the API sends it (a code in extensions). */
export const apiError = (code: string, message = code, extensions: Record<string, unknown> = {}) => ({
  errors: [new GraphQLError(message, { extensions: { code, ...extensions } })],
});

export function renderWithProviders(
  ui: ReactNode,
  { mocks = [], locale = 'fr' }: { mocks?: MockLink.MockedResponse[]; locale?: AppLocale } = {},
) {
  return render(
    <MockedProvider mocks={mocks}>
      <IntlProvider locale={locale} messages={messagesFor(locale)}>
        {ui}
      </IntlProvider>
    </MockedProvider>,
  );
}
