import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { PublicationConsent } from '../graphql/generated/graphql';
import { type AnswerMap, answerInput, changedAnswers } from './answers';
import { ContributionForm } from './ContributionForm';
import { QUESTIONS, renderWithIntl } from './test-support';

vi.setConfig({ testTimeout: 20_000 });

function Harness({ initial = {}, onState }: { initial?: AnswerMap; onState: (answers: AnswerMap) => void }) {
  const [answers, setAnswers] = useState<AnswerMap>(initial);
  const [consent, setConsent] = useState<PublicationConsent>('PUBLIC_NAMED');
  return (
    <ContributionForm
      questions={QUESTIONS}
      answers={answers}
      onAnswer={(questionId, value) =>
        setAnswers((current) => {
          const next = { ...current, [questionId]: value };
          onState(next);
          return next;
        })
      }
      consent={consent}
      onConsent={setConsent}
    />
  );
}

describe('ContributionForm', () => {
  it('answers a TEXT question in a labelled text area, with its length and the cited article', async () => {
    let state: AnswerMap = {};
    renderWithIntl(<Harness onState={(next) => (state = next)} />);
    const area = screen.getByRole('textbox', { name: /Quelles difficultés/ });
    await userEvent.type(area, 'Les délais');
    expect(state['q-text']).toEqual({ text: 'Les délais' });
    expect(screen.getByText('10 / 500 caractères')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /art-3/ })).toHaveAttribute('href', '/read/doc-1/2#art-3');
    expect(answerInput(QUESTIONS[0]!, state['q-text'])).toEqual({ questionId: 'q-text', text: 'Les délais' });
  });

  it('answers a SINGLE_CHOICE question with one radio button, and clears it', async () => {
    let state: AnswerMap = {};
    renderWithIntl(<Harness onState={(next) => (state = next)} />);
    const group = screen.getByRole('group', { name: /Le seuil est-il adapté/ });
    await userEvent.click(within(group).getByRole('radio', { name: 'Trop bas' }));
    await userEvent.click(within(group).getByRole('radio', { name: 'Adapté' }));
    expect(state['q-single']).toEqual({ choices: ['Adapté'] });
    expect(within(group).getByRole('radio', { name: 'Trop bas' })).not.toBeChecked();
    await userEvent.click(within(group).getByRole('button', { name: 'Effacer la réponse' }));
    expect(answerInput(QUESTIONS[1]!, state['q-single'])).toEqual({ questionId: 'q-single' });
  });

  it('answers a MULTI_CHOICE question with check boxes, several at once', async () => {
    let state: AnswerMap = {};
    renderWithIntl(<Harness onState={(next) => (state = next)} />);
    const group = screen.getByRole('group', { name: /Quels secteurs/ });
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Informatique' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Ingénierie' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Informatique' }));
    expect(answerInput(QUESTIONS[2]!, state['q-multi'])).toEqual({ questionId: 'q-multi', choices: ['Ingénierie'] });
  });

  it('answers a SCALE question on its own range, by keyboard', async () => {
    let state: AnswerMap = {};
    renderWithIntl(<Harness onState={(next) => (state = next)} />);
    const group = screen.getByRole('group', { name: /Clarté du texte/ });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['0', '1', '2', '3', '4']);
    within(group).getByRole('radio', { name: '2' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(state['q-scale']).toEqual({ scale: 3 });
    expect(answerInput(QUESTIONS[3]!, state['q-scale'])).toEqual({ questionId: 'q-scale', scale: 3 });
  });

  it('sends only the answers that changed, and chooses the publication consent', async () => {
    const base: AnswerMap = { 'q-single': { choices: ['Adapté'] }, 'q-text': { text: 'Avant' } };
    let state: AnswerMap = base;
    renderWithIntl(<Harness initial={base} onState={(next) => (state = next)} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Trop haut' }));
    expect(changedAnswers(QUESTIONS, base, state)).toEqual([{ questionId: 'q-single', choices: ['Trop haut'] }]);
    const consent = screen.getByRole('group', { name: /Publication de votre contribution/ });
    await userEvent.click(within(consent).getByRole('radio', { name: /anonyme/ }));
    expect(within(consent).getByRole('radio', { name: /anonyme/ })).toBeChecked();
  });

  it('reads in Arabic with the same controls', () => {
    renderWithIntl(<Harness onState={() => undefined} />, 'ar');
    expect(screen.getByRole('group', { name: /السؤال 2/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /نشر مساهمتكم/ })).toBeInTheDocument();
  });
});
