import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateAnnotationDocument } from '../graphql/generated/graphql';
import { AnnotationComposer, composerDraftKey } from './AnnotationComposer';
import { readDraft } from './drafts';
import { apiError, renderWithProviders, viewerFixture } from './test-support';

// Typing with user-event takes a while on a loaded 2-core machine (the whole suite runs beside): room, not a timing goal.
vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const version = { id: 'v1', number: 1, documentId: 'd1' };
const target = { exact: 'plafonné à 60 000 dirhams', prefix: "l'aide est ", suffix: ' par emploi', start: 20, end: 45 };

function renderComposer(mocks: Parameters<typeof renderWithProviders>[1] = {}) {
  const onPosted = vi.fn();
  const onCancel = vi.fn();
  const view = renderWithProviders(
    <AnnotationComposer version={version} target={target} onPosted={onPosted} onCancel={onCancel} />,
    mocks,
  );
  return { ...view, onPosted, onCancel };
}

const bodyField = () => screen.getByLabelText('Votre annotation (Markdown)');
const post = () => userEvent.click(screen.getByRole('button', { name: 'Publier l’annotation' }));

beforeEach(() => {
  window.localStorage.clear();
  session.viewer = viewerFixture();
});

describe('AnnotationComposer: validation', () => {
  it('refuses an empty body with a message tied to the field, and moves the focus to it', async () => {
    const { onPosted } = renderComposer();
    expect(screen.getByText(target.exact)).toBeInTheDocument();
    await post();
    expect(bodyField()).toHaveAttribute('aria-invalid', 'true');
    expect(bodyField()).toHaveAccessibleDescription('Écrivez le texte de votre annotation.');
    expect(bodyField()).toHaveFocus();
    expect(onPosted).not.toHaveBeenCalled();
  });

  it('starts an amendment from the passage, and refuses it unchanged or empty, focusing that field', async () => {
    renderComposer();
    expect(screen.queryByLabelText('Texte proposé en remplacement')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: /Amendement/ }));
    const suggested = screen.getByLabelText('Texte proposé en remplacement');
    expect(suggested).toHaveValue(target.exact);
    await userEvent.type(bodyField(), 'Le plafond doit suivre l’inflation.');
    await post();
    expect(bodyField()).not.toHaveAttribute('aria-invalid');
    expect(suggested).toHaveAttribute('aria-invalid', 'true');
    expect(suggested).toHaveAccessibleDescription('Votre proposition reprend le passage tel quel : modifiez-la.');
    expect(suggested).toHaveFocus();
    await userEvent.clear(suggested);
    expect(suggested).toHaveAccessibleDescription(
      'Un amendement propose un texte : écrivez la rédaction que vous suggérez.',
    );
  });

  it('shows the per-field message the API sends back (BAD_USER_INPUT) under the field', async () => {
    renderComposer({
      mocks: [
        {
          request: { query: CreateAnnotationDocument, variables: () => true },
          result: apiError('BAD_USER_INPUT', 'invalid', { fields: { 'input.body': 'must not be empty' } }),
        },
      ],
    });
    await userEvent.type(bodyField(), '   x');
    await post();
    expect(await screen.findByRole('alert')).toHaveTextContent('Certaines informations saisies ne conviennent pas');
    expect(bodyField()).toHaveAccessibleDescription('must not be empty');
  });

  it('offers each motivation with a glyph besides its colour', () => {
    renderComposer();
    const group = screen.getByRole('group', { name: 'Nature de l’annotation' });
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    expect(within(group).getByText('✎')).toHaveAttribute('aria-hidden', 'true');
  });

  it('cancels', async () => {
    const { onCancel } = renderComposer();
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('AnnotationComposer: by keyboard', () => {
  it('takes the focus when it opens, posts with Ctrl+Enter and closes with Escape', async () => {
    const posted = vi.fn();
    const { onCancel } = renderComposer({
      mocks: [
        {
          request: { query: CreateAnnotationDocument, variables: () => true },
          result: () => {
            posted();
            return apiError('FORBIDDEN');
          },
        },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Annoter ce passage' })).toHaveFocus();
    await userEvent.click(bodyField());
    await userEvent.keyboard('Avis{Control>}{Enter}{/Control}');
    await waitFor(() => expect(posted).toHaveBeenCalled());
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous n’avez pas le droit de faire cela.');
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
    expect(readDraft(composerDraftKey('v1', target))).toMatchObject({ body: 'Avis' });
  });
});

describe('AnnotationComposer: posts once', () => {
  it('sends nothing more when Ctrl+Enter is pressed again while the annotation is being posted', async () => {
    const posted = vi.fn();
    renderComposer({
      mocks: [
        {
          request: { query: CreateAnnotationDocument, variables: () => true },
          delay: 300,
          maxUsageCount: 5,
          result: () => {
            posted();
            return apiError('FORBIDDEN');
          },
        },
      ],
    });
    await userEvent.click(bodyField());
    await userEvent.keyboard('Avis{Control>}{Enter}{Enter}{Enter}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous n’avez pas le droit de faire cela.');
    expect(posted).toHaveBeenCalledTimes(1);
  });
});

describe('AnnotationComposer: the AMENDING diff', () => {
  it('shows the proposed text as a word diff against the passage', async () => {
    const { container } = renderComposer();
    await userEvent.click(screen.getByRole('radio', { name: /Amendement/ }));
    await userEvent.clear(screen.getByLabelText('Texte proposé en remplacement'));
    await userEvent.type(screen.getByLabelText('Texte proposé en remplacement'), 'plafonné à 80 000 dirhams par an');
    const diff = screen.getByRole('region', { name: 'Modification proposée' });
    expect([...container.querySelectorAll('.word-diff del')].map((node) => node.textContent)).toEqual([
      'supprimé : 60',
    ]);
    expect([...container.querySelectorAll('.word-diff ins')].map((node) => node.textContent)).toEqual([
      'ajouté : 80',
      'ajouté :  par an',
    ]);
    expect(diff).toHaveTextContent('plafonné à');
  });
});

describe('AnnotationComposer: nothing typed is lost', () => {
  it('keeps the draft through an API error and restores it when the same passage is selected again', async () => {
    const first = renderComposer({
      mocks: [
        { request: { query: CreateAnnotationDocument, variables: () => true }, result: apiError('RATE_LIMITED') },
      ],
    });
    await userEvent.click(screen.getByRole('radio', { name: /Question/ }));
    await userEvent.type(bodyField(), 'Que couvre ce plafond ?');
    await post();
    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de tentatives');
    expect(first.onPosted).not.toHaveBeenCalled();
    expect(bodyField()).toHaveValue('Que couvre ce plafond ?');
    first.unmount();

    const variables = vi.fn();
    const second = renderComposer({
      mocks: [
        {
          request: { query: CreateAnnotationDocument, variables: () => true },
          result: (vars) => {
            variables(vars);
            return {
              data: {
                createAnnotation: {
                  __typename: 'AnnotationPayload',
                  annotation: {
                    __typename: 'Annotation',
                    id: 'a-new',
                    motivation: 'QUESTIONING',
                    status: 'OPEN',
                    visibility: 'PUBLIC',
                  },
                },
              },
            };
          },
        },
      ],
    });
    expect(screen.getByText(/Brouillon retrouvé/)).toBeInTheDocument();
    expect(bodyField()).toHaveValue('Que couvre ce plafond ?');
    expect(screen.getByRole('radio', { name: /Question/ })).toBeChecked();

    await userEvent.selectOptions(screen.getByLabelText('Publier en tant que'), 'Au nom de FMO');
    await post();
    await waitFor(() => expect(second.onPosted).toHaveBeenCalledWith('a-new'));
    expect(variables).toHaveBeenCalledWith({
      input: expect.objectContaining({
        documentId: 'd1',
        versionNumber: 1,
        motivation: 'QUESTIONING',
        body: 'Que couvre ce plafond ?',
        onBehalfOfOrganizationId: 'o-fmo',
        suggestedText: null,
        target,
      }),
    });
    expect(readDraft(composerDraftKey('v1', target))).toBeNull();
  });

  it('keys drafts by passage: another passage starts blank', async () => {
    const view = renderComposer();
    await userEvent.type(bodyField(), 'Sur ce passage-ci');
    view.unmount();
    renderWithProviders(
      <AnnotationComposer
        version={version}
        target={{ ...target, exact: 'autre passage', start: 100, end: 113 }}
        onPosted={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(bodyField()).toHaveValue('');
    expect(readDraft(composerDraftKey('v1', target))).toMatchObject({ body: 'Sur ce passage-ci' });
  });

  it('offers "on behalf of" only to representatives', () => {
    session.viewer = viewerFixture({ memberships: [] });
    renderComposer();
    expect(screen.queryByLabelText('Publier en tant que')).toBeNull();
    expect(screen.queryByRole('radio', { name: /Mon organisation/ })).toBeNull();
  });
});
