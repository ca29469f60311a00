import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { readDraft } from '../../annotations/drafts';
import { apiError, renderWithProviders } from '../../annotations/test-support';
import { CombinedGraphQLErrors } from '@apollo/client';
import { emptyBuilder, toCreateInput, type BuilderDraft } from './builder-model';
import { ConsultationBuilder } from './ConsultationBuilder';
import type { CitableDocument } from './QuestionEditor';

// No delay between keystrokes (typing is the slow part of these specs).
const userEvent = userEventLib.setup({ delay: null });

// Typing with user-event takes a while on a loaded 2-core machine: room, not a timing goal.
vi.setConfig({ testTimeout: 60_000 });
// The machine running the suite may be loaded: wait for the DOM longer than the default second.
configure({ asyncUtilTimeout: 10_000 });

const documents: CitableDocument[] = [
  {
    id: 'd1',
    reference: 'Circulaire 15/2025',
    title: 'Aides à l’offshoring',
    sections: [
      { key: 'art-1', number: 1, title: 'Objet' },
      { key: 'art-3', number: 3, title: 'Formation continue' },
    ],
  },
];

function renderBuilder(onSubmit = vi.fn(async (_draft: BuilderDraft) => undefined)) {
  const initial = emptyBuilder(new Date('2026-12-01T10:00:00'));
  const view = renderWithProviders(
    <ConsultationBuilder
      draftKey="console:consultation:new"
      initial={initial}
      documents={documents}
      chooseDocuments
      submitLabel="Créer le brouillon"
      onSubmit={onSubmit}
    />,
  );
  return { ...view, onSubmit };
}

const editors = () => screen.getAllByTestId('question-editor');
const editor = (index: number) => within(editors()[index]!);
/** Sets a field's text at once (typing it key by key is what made these specs slow). */
const fill = (field: HTMLElement, text: string) => fireEvent.change(field, { target: { value: text } });
const create = () => userEvent.click(screen.getByRole('button', { name: 'Créer le brouillon' }));

beforeEach(() => window.localStorage.clear());

describe('ConsultationBuilder', () => {
  it('builds questions of every kind, with a citation, and sends them as the API takes them', async () => {
    const { onSubmit } = renderBuilder();
    fill(screen.getByLabelText('Titre'), 'Consultation sur la formation');
    await userEvent.click(screen.getByLabelText('Entreprises'));
    await userEvent.click(screen.getByLabelText(/Circulaire 15\/2025/));
    fill(editor(0).getByLabelText('Intitulé'), 'Votre avis');
    await userEvent.click(editor(0).getByLabelText('Réponse obligatoire'));
    await userEvent.selectOptions(editor(0).getByLabelText('Article cité'), 'd1|art-3');
    fill(editor(0).getByLabelText(/Longueur maximale/), '2000');
    for (const [kind, prompt] of [
      ['SINGLE_CHOICE', 'Le plafond est-il adapté ?'],
      ['MULTI_CHOICE', 'Quels métiers ?'],
      ['SCALE', 'Clarté'],
    ] as const) {
      await userEvent.click(screen.getByRole('button', { name: 'Ajouter une question' }));
      const index = editors().length - 1;
      await userEvent.selectOptions(editor(index).getByLabelText('Type de question'), kind);
      fill(editor(index).getByLabelText('Intitulé'), prompt);
    }
    fill(editor(1).getByLabelText('Options'), 'Adapté\nTrop bas');
    fill(editor(2).getByLabelText('Options'), 'ITO\nBPO\nKPO');
    fill(editor(3).getByLabelText('Valeur la plus haute'), '10');
    // Reordering by keyboard-reachable buttons.
    await userEvent.click(screen.getByRole('button', { name: 'Monter la question 4' }));
    // The focus follows the moved question, to its new place (question 4, at the bottom: "move down" is unavailable
    // but still holds the focus), and the move is announced.
    await userEvent.click(screen.getByRole('button', { name: 'Descendre la question 3' }));
    const movedDown = screen.getByRole('button', { name: 'Descendre la question 4' });
    await waitFor(() => expect(movedDown).toHaveFocus());
    expect(movedDown).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent('Question 3 déplacée en position 4.'),
    );
    await create();

    expect(onSubmit).toHaveBeenCalledTimes(1);
    const draft = onSubmit.mock.calls[0]![0];
    const input = toCreateInput(draft, new Map([['d1', 2]]));
    expect(input).toMatchObject({
      title: 'Consultation sur la formation',
      eligibleKinds: ['FEDERATION', 'COMPANY'],
      documentIds: ['d1'],
      questions: [
        {
          kind: 'TEXT',
          prompt: 'Votre avis',
          required: true,
          maxLength: 2000,
          citation: { documentId: 'd1', versionNumber: 2, sectionKey: 'art-3' },
        },
        { kind: 'SINGLE_CHOICE', options: ['Adapté', 'Trop bas'], required: false },
        { kind: 'MULTI_CHOICE', options: ['ITO', 'BPO', 'KPO'] },
        { kind: 'SCALE', prompt: 'Clarté', scaleMin: 1, scaleMax: 10 },
      ],
    });
    expect(new Date(input.closesAt).getTime()).toBeGreaterThan(new Date(input.opensAt).getTime());
    // Accepted: the draft is forgotten.
    expect(readDraft('console:consultation:new')).toBeNull();
  });

  it('says what is missing next to each field, focuses the first, and sends nothing', async () => {
    const { onSubmit } = renderBuilder();
    await userEvent.click(screen.getByLabelText('Fédérations')); // no kind left
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter une question' }));
    await userEvent.selectOptions(editor(1).getByLabelText('Type de question'), 'SINGLE_CHOICE');
    fill(editor(1).getByLabelText('Options'), 'Oui');
    await create();
    expect(onSubmit).not.toHaveBeenCalled();
    const title = screen.getByLabelText('Titre');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Donnez un titre à la consultation.');
    await vi.waitFor(() => expect(title).toHaveFocus());
    expect(editor(0).getByLabelText('Intitulé')).toHaveAccessibleDescription('Écrivez l’intitulé de la question.');
    expect(editor(1).getByLabelText('Options')).toHaveAccessibleDescription(
      'Une option par ligne, au moins deux. Donnez au moins deux options, une par ligne.',
    );
    expect(screen.getByText('Choisissez au moins un type d’organisation.')).toBeInTheDocument();
  });

  it('refuses a deadline before the opening and a scale the API would refuse', async () => {
    const { onSubmit } = renderBuilder();
    fill(screen.getByLabelText('Titre'), 'T');
    await userEvent.selectOptions(editor(0).getByLabelText('Type de question'), 'SCALE');
    fill(editor(0).getByLabelText('Intitulé'), 'Clarté');
    fill(editor(0).getByLabelText('Valeur la plus haute'), '30');
    const closes = screen.getByLabelText('Date limite');
    fill(closes, '2026-12-01T09:00');
    await create();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(closes).toHaveAccessibleDescription('La date limite doit suivre l’ouverture.');
    expect(editor(0).getByLabelText('Valeur la plus haute')).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps what was typed when the API refuses it, and brings it back after a reload', async () => {
    const onSubmit = vi.fn(async () => {
      throw new CombinedGraphQLErrors(apiError('BAD_USER_INPUT', 'closesAt: must be after opensAt'));
    });
    const first = renderBuilder(onSubmit);
    fill(screen.getByLabelText('Titre'), 'Consultation gardée');
    fill(editor(0).getByLabelText('Intitulé'), 'Votre avis');
    await create();
    expect(await screen.findByRole('alert')).toHaveTextContent('closesAt: must be after opensAt');
    expect(screen.getByLabelText('Titre')).toHaveValue('Consultation gardée');
    first.unmount();
    renderBuilder();
    expect(screen.getByText(/Brouillon retrouvé/)).toHaveAttribute('role', 'status');
    expect(screen.getByLabelText('Titre')).toHaveValue('Consultation gardée');
  });

  it('previews the consultation as an organisation will see it', async () => {
    renderBuilder();
    fill(screen.getByLabelText('Titre'), 'Aperçu');
    await userEvent.selectOptions(editor(0).getByLabelText('Type de question'), 'MULTI_CHOICE');
    fill(editor(0).getByLabelText('Intitulé'), 'Quels métiers ?');
    fill(editor(0).getByLabelText('Options'), 'ITO\nBPO');
    await userEvent.click(screen.getByRole('button', { name: 'Aperçu côté organisation' }));
    const preview = within(screen.getByTestId('consultation-preview'));
    expect(preview.getByRole('heading', { name: 'Aperçu' })).toBeInTheDocument();
    const group = preview.getByRole('group', { name: /Quels métiers \?/ });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('value')),
    ).toEqual(['ITO', 'BPO']);
  });
});
