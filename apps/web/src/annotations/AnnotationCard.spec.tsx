import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  AnnotationCardDocument,
  AnswerAnnotationDocument,
  DeleteAnnotationDocument,
  EndorseDocument,
  PostReplyDocument,
  ReportContentDocument,
  UpdateAnnotationDocument,
} from '../graphql/generated/graphql';
import { AnnotationCard } from './AnnotationCard';
import { annotationFixture, apiError, person, renderWithProviders, replyFixture, viewerFixture } from './test-support';
import type { MockLink } from '@apollo/client/testing';
import type { AnnotationCardFieldsFragment } from '../graphql/generated/graphql';

// Typing with user-event takes a while on a loaded 2-core machine (the whole suite runs beside): room, not a timing goal.
vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const cardMock = (annotation: AnnotationCardFieldsFragment): MockLink.MockedResponse => ({
  request: { query: AnnotationCardDocument, variables: { id: annotation.id } },
  result: { data: { annotation } },
});

function renderCard(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(<AnnotationCard annotationId="a1" />, { mocks });
}

beforeEach(() => {
  window.localStorage.clear();
  session.viewer = viewerFixture();
});

describe('AnnotationCard: editing against a stale version (CONFLICT)', () => {
  it('keeps the text typed, loads the latest version on request, and reapplies the text over it', async () => {
    const saved = vi.fn();
    const original = annotationFixture({ version: 1 });
    const changedElsewhere = annotationFixture({
      version: 2,
      bodyMarkdown: 'Texte modifié ailleurs',
      bodyHtml: '<p>Texte modifié ailleurs</p>',
    });
    const mine = annotationFixture({
      version: 3,
      bodyMarkdown: 'Mon nouveau texte',
      bodyHtml: '<p>Mon nouveau texte</p>',
    });
    renderCard([
      cardMock(original),
      {
        request: { query: UpdateAnnotationDocument, variables: (vars) => vars.input.version === 1 },
        result: apiError('CONFLICT', 'stale'),
      },
      cardMock(changedElsewhere),
      {
        request: { query: UpdateAnnotationDocument, variables: (vars) => vars.input.version === 2 },
        result: (vars) => {
          saved(vars);
          return { data: { updateAnnotation: { __typename: 'AnnotationPayload', annotation: mine } } };
        },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    const field = screen.getByLabelText('Votre annotation (Markdown)');
    await userEvent.clear(field);
    await userEvent.type(field, 'Mon nouveau texte');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Quelqu’un a modifié ce texte entre-temps');
    expect(screen.getByLabelText('Votre annotation (Markdown)')).toHaveValue('Mon nouveau texte');

    await userEvent.click(screen.getByRole('button', { name: 'Charger la dernière version' }));
    const latest = await screen.findByRole('region', { name: 'Dernière version enregistrée' });
    expect(latest).toHaveTextContent('Texte modifié ailleurs');
    expect(screen.getByLabelText('Votre annotation (Markdown)')).toHaveValue('Mon nouveau texte');

    await userEvent.click(screen.getByRole('button', { name: 'Réappliquer mon texte' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(saved).toHaveBeenCalledWith({ input: { id: 'a1', version: 2, body: 'Mon nouveau texte' } });
    // The card re-renders once the saved annotation reaches the cache: check the settled page, not the first match.
    await waitFor(() => {
      expect(screen.getByText('Mon nouveau texte')).toBeInTheDocument();
      expect(screen.queryByLabelText('Votre annotation (Markdown)')).toBeNull();
    });
  });
});

describe('AnnotationCard: the conversation', () => {
  const tree = [
    replyFixture({ id: 'r1', depth: 1, author: person('u1', 'Amina') }),
    replyFixture({ id: 'r2', depth: 2, parentId: 'r1', author: person('u2', 'Badr') }),
    replyFixture({
      id: 'r3',
      depth: 3,
      parentId: 'r2',
      author: person('u3', 'Chama'),
    }),
  ];

  it('nests replies by parent and offers no reply beyond depth 3', async () => {
    renderCard([cardMock(annotationFixture({}, tree))]);
    const deepest = await screen.findByRole('article', { name: 'Réponse de Chama' });
    const middle = screen.getByRole('article', { name: 'Réponse de Badr' });
    const top = screen.getByRole('article', { name: 'Réponse de Amina' });
    expect(within(top).getByRole('button', { name: 'Répondre' })).toBeInTheDocument();
    expect(within(middle).getByRole('button', { name: 'Répondre' })).toBeInTheDocument();
    expect(within(deepest).queryByRole('button', { name: 'Répondre' })).toBeNull();
    // Nested lists: Chama's reply sits inside Badr's item, itself inside Amina's.
    expect(top.closest('li')?.contains(middle)).toBe(true);
    expect(middle.closest('li')?.contains(deepest)).toBe(true);
    expect(screen.getByRole('heading', { name: '3 réponses' })).toBeInTheDocument();
  });

  it('offers edit and delete on one’s own reply, and endorse and report on others’', async () => {
    renderCard([
      cardMock(
        annotationFixture({}, [
          replyFixture({ id: 'r1', author: person('u-me', 'Salma Idrissi') }),
          replyFixture({ id: 'r2', author: person('u-other', 'Karim') }),
        ]),
      ),
    ]);
    const mine = await screen.findByRole('article', { name: 'Réponse de Salma Idrissi' });
    const theirs = screen.getByRole('article', { name: 'Réponse de Karim' });
    expect(within(mine).getByRole('button', { name: 'Modifier' })).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Supprimer' })).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Signaler' })).toBeNull();
    expect(within(mine).queryByRole('button', { name: /Appuyer/ })).toBeNull();
    expect(within(theirs).queryByRole('button', { name: 'Modifier' })).toBeNull();
    expect(within(theirs).getByRole('button', { name: 'Signaler' })).toBeInTheDocument();
    expect(within(theirs).getByRole('button', { name: /Appuyer/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('keeps a deleted reply as a tombstone only while replies hang under it', async () => {
    renderCard([
      cardMock(
        annotationFixture({}, [
          replyFixture({ id: 'r1', isDeleted: true, bodyHtml: null, bodyMarkdown: null, author: null }),
          replyFixture({ id: 'r2', depth: 2, parentId: 'r1' }),
          replyFixture({ id: 'r4', isDeleted: true, bodyHtml: null, bodyMarkdown: null, author: null }),
        ]),
      ),
    ]);
    expect(await screen.findAllByText('Supprimé par son auteur.')).toHaveLength(1);
    expect(screen.getByText('Réponse r2')).toBeInTheDocument();
  });

  it('posts a reply from its own draft, keeps it through an error, and adds it to the tree', async () => {
    const posted = replyFixture({
      id: 'r9',
      author: person('u-me', 'Salma Idrissi'),
      bodyHtml: '<p>Merci pour la précision.</p>',
    });
    renderCard([
      cardMock(annotationFixture({ author: person('u-other', 'Karim') })),
      { request: { query: PostReplyDocument, variables: () => true }, result: apiError('INTERNAL_SERVER_ERROR') },
      {
        request: { query: PostReplyDocument, variables: () => true },
        result: { data: { postComment: { __typename: 'CommentPayload', comment: posted } } },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Répondre' }));
    await userEvent.type(screen.getByLabelText('Votre réponse (Markdown)'), 'Merci pour la précision.');
    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Une erreur inattendue');
    expect(window.localStorage.getItem('majlis.draft.reply:a1:root')).toContain('Merci pour la précision.');

    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(await screen.findByRole('heading', { name: '1 réponse' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Réponse de Salma Idrissi' })).toHaveTextContent(
      'Merci pour la précision.',
    );
    // The composer closes and its draft goes once the post has settled, a render after the reply appears.
    await waitFor(() => expect(screen.queryByLabelText('Votre réponse (Markdown)')).toBeNull());
    expect(window.localStorage.getItem('majlis.draft.reply:a1:root')).toBeNull();
  });
});

describe('AnnotationCard: endorse, report, placeholders', () => {
  it('shows only the count on one’s own annotation, and a toggle on someone else’s', async () => {
    renderCard([
      cardMock(annotationFixture({ author: person('u-other', 'Karim') })),
      {
        request: { query: EndorseDocument, variables: { input: { id: 'a1', subjectType: 'ANNOTATION' } } },
        result: {
          data: {
            endorse: { __typename: 'EndorsementPayload', id: 'a1', endorsementCount: 1, viewerHasEndorsed: true },
          },
        },
      },
    ]);
    const toggle = await screen.findByRole('button', { name: /Appuyer/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Appuyer/ })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(screen.getByRole('button', { name: /Appuyer/ })).toHaveTextContent('1 appui');
  });

  it('corrects a stale toggle (already endorsed in another tab) instead of showing an error', async () => {
    renderCard([
      cardMock(annotationFixture({ author: person('u-other', 'Karim'), endorsementCount: 1 })),
      {
        request: { query: EndorseDocument, variables: () => true },
        result: apiError('CONFLICT', 'You have already endorsed this.'),
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: /Appuyer/ }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Appuyer/ })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not let the author endorse their own annotation', async () => {
    renderCard([cardMock(annotationFixture({ endorsementCount: 2 }))]);
    expect(await screen.findByText('2 appuis')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Appuyer/ })).toBeNull();
  });

  it('reports with a reason in a dialog that traps focus and closes with Escape', async () => {
    const reported = vi.fn();
    renderCard([
      cardMock(annotationFixture({ author: person('u-other', 'Karim') })),
      {
        request: { query: ReportContentDocument, variables: () => true },
        result: (vars) => {
          reported(vars);
          return { data: { reportContent: { __typename: 'ReportPayload', reported: true } } };
        },
      },
    ]);
    const open = await screen.findByRole('button', { name: 'Signaler' });
    await userEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Signaler ce contenu aux modérateurs' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();

    await userEvent.click(open);
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
    expect(screen.getByText('Choisissez un motif.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Hors sujet' }));
    await userEvent.type(screen.getByLabelText('Précisions (facultatif)'), 'Sans rapport avec l’article 3');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reported).toHaveBeenCalledWith({
      input: {
        contentType: 'ANNOTATION',
        contentId: 'a1',
        reason: 'OFF_TOPIC',
        explanation: 'Sans rapport avec l’article 3',
      },
    });
  });

  it('shows the API’s placeholder for hidden content (no body, no author)', async () => {
    renderCard([cardMock(annotationFixture({ bodyHtml: null, bodyMarkdown: null, author: null }))]);
    expect(await screen.findByText('Masqué par la modération.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Auteur masqué');
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });

  it('shows its author that moderation hid it from others, and why', async () => {
    renderCard([cardMock(annotationFixture({ moderation: { hidden: true, reason: 'Données personnelles' } }))]);
    expect(await screen.findByText(/Masqué aux autres lecteurs par la modération/)).toHaveTextContent(
      'Données personnelles',
    );
    expect(screen.getByText('Le plafond est trop bas.')).toBeInTheDocument();
  });

  it('shows the AMENDING diff on the card', async () => {
    const { container } = renderCard([
      cardMock(annotationFixture({ motivation: 'AMENDING', suggestedText: 'plafonné à 80 000 dirhams' })),
    ]);
    expect(await screen.findByRole('region', { name: 'Modification proposée' })).toBeInTheDocument();
    expect(container.querySelector('.word-diff ins')).toHaveTextContent('80');
  });
});

describe('AnnotationCard: the ministry’s answer', () => {
  it('is shown first, with its disposition and rationale', async () => {
    renderCard([
      cardMock(
        annotationFixture({
          status: 'ANSWERED',
          answer: {
            __typename: 'AnnotationAnswer',
            disposition: 'PARTIALLY_ACCEPTED',
            rationale: 'Le plafond sera indexé.',
            answeredAt: '2026-11-25T10:00:00.000Z',
            answeredBy: person('u-mod', 'Ministère'),
          } as AnnotationCardFieldsFragment['answer'],
        }),
      ),
    ]);
    const answer = await screen.findByRole('region', { name: 'Réponse du ministère' });
    expect(answer).toHaveTextContent('Retenue en partie');
    expect(answer).toHaveTextContent('Le plafond sera indexé.');
    expect(within(answer).queryByRole('button')).toBeNull();
  });

  it('is given by a moderator from the card, with the form’s own checks first', async () => {
    session.viewer = viewerFixture({ id: 'u-mod', platformRole: 'MODERATOR', memberships: [] });
    const answered = vi.fn();
    renderCard([
      cardMock(annotationFixture({ author: person('u-other', 'Karim') })),
      {
        request: { query: AnswerAnnotationDocument, variables: () => true },
        result: (vars) => {
          answered(vars);
          return {
            data: {
              answerAnnotation: {
                __typename: 'AnnotationPayload',
                annotation: {
                  __typename: 'Annotation',
                  id: 'a1',
                  status: 'ANSWERED',
                  answer: {
                    __typename: 'AnnotationAnswer',
                    disposition: 'ACCEPTED',
                    rationale: 'Nous indexerons le plafond.',
                    answeredAt: '2026-11-25T10:00:00.000Z',
                    answeredBy: person('u-mod', 'Ministère'),
                  },
                },
              },
            },
          };
        },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Répondre au nom du ministère' }));
    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(screen.getByText('Choisissez la décision du ministère.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Retenue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    expect(screen.getByLabelText('Motivation de la décision')).toHaveFocus();
    expect(screen.getByLabelText('Motivation de la décision')).toHaveAccessibleDescription('Expliquez la décision.');
    await userEvent.type(screen.getByLabelText('Motivation de la décision'), 'Nous indexerons le plafond.');
    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    await waitFor(() => expect(screen.queryByLabelText('Motivation de la décision')).toBeNull());
    const answer = screen.getByRole('region', { name: 'Réponse du ministère' });
    expect(answer).toHaveTextContent('Retenue');
    expect(answer).toHaveTextContent('Nous indexerons le plafond.');
    expect(answered).toHaveBeenCalledWith({
      input: { id: 'a1', disposition: 'ACCEPTED', rationale: 'Nous indexerons le plafond.', status: 'ANSWERED' },
    });
  });
});

describe('AnnotationCard: deleting', () => {
  const deleteMock = (annotation: AnnotationCardFieldsFragment): MockLink.MockedResponse => ({
    request: { query: DeleteAnnotationDocument, variables: { input: { id: 'a1' } } },
    result: { data: { deleteAnnotation: { __typename: 'AnnotationPayload', annotation } } },
  });

  it('asks first, then leaves a tombstone while replies hang under it', async () => {
    const replies = [replyFixture({ id: 'r1' })];
    renderCard([
      cardMock(annotationFixture({}, replies)),
      deleteMock(annotationFixture({ isDeleted: true, bodyHtml: null, bodyMarkdown: null, author: null }, replies)),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer cette annotation ?' });
    expect(dialog).toHaveTextContent('tant que des réponses en dépendent');
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText('Supprimé par son auteur.')).toBeInTheDocument();
    expect(screen.getByText('Réponse r1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });

  it('tells the reader it is gone when nothing hangs under it', async () => {
    const onDeleted = vi.fn();
    renderWithProviders(<AnnotationCard annotationId="a1" onDeleted={onDeleted} />, {
      mocks: [
        cardMock(annotationFixture()),
        deleteMock(annotationFixture({ isDeleted: true, bodyHtml: null, bodyMarkdown: null, author: null })),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('a1'));
  });
});

describe('AnnotationCard in Arabic', () => {
  it('uses the Arabic plural forms for replies and endorsements', async () => {
    renderWithProviders(<AnnotationCard annotationId="a1" />, {
      locale: 'ar',
      mocks: [
        cardMock(annotationFixture({ endorsementCount: 11 }, [replyFixture({ id: 'r1' }), replyFixture({ id: 'r2' })])),
      ],
    });
    expect(await screen.findByRole('heading', { name: 'ردّان' })).toBeInTheDocument();
    expect(screen.getByText('11 تأييدًا')).toBeInTheDocument();
  });
});
