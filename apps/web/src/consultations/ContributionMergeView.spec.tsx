import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mergeAnswers } from './answers';
import { ContributionMergeView, type MergeSide } from './ContributionMergeView';
import { QUESTIONS, renderWithIntl } from './test-support';

vi.setConfig({ testTimeout: 20_000 });

const base: MergeSide = {
  answers: { 'q-text': { text: 'Départ' }, 'q-single': { choices: ['Adapté'] } },
  consent: 'PUBLIC_NAMED',
};
// I changed the text and the scale; they changed the text (differently) and the single choice.
const mine: MergeSide = {
  answers: { 'q-text': { text: 'Ma version' }, 'q-single': { choices: ['Adapté'] }, 'q-scale': { scale: 3 } },
  consent: 'PUBLIC_NAMED',
};
const theirs: MergeSide = {
  answers: { 'q-text': { text: 'Leur version' }, 'q-single': { choices: ['Trop bas'] } },
  consent: 'PUBLIC_ANONYMOUS',
};

describe('mergeAnswers', () => {
  it('takes each side’s own changes and asks only where both changed the same answer differently', () => {
    const outcome = mergeAnswers(QUESTIONS, base.answers, mine.answers, theirs.answers);
    expect(outcome.conflicts).toEqual(['q-text']);
    expect(outcome.takenFromThem).toEqual(['q-single']);
    expect(outcome.merged).toEqual({
      'q-text': { text: 'Ma version' },
      'q-single': { choices: ['Trop bas'] },
      'q-scale': { scale: 3 },
    });
  });

  it('sees no conflict when both made the same change', () => {
    const same = { ...mine.answers, 'q-text': { text: 'Leur version ' } };
    expect(mergeAnswers(QUESTIONS, base.answers, same, theirs.answers).conflicts).toEqual([]);
  });
});

describe('ContributionMergeView', () => {
  it('shows the other person’s answer beside one’s own, says who saved, and keeps mine unless told otherwise', async () => {
    const onResolve = vi.fn();
    renderWithIntl(
      <ContributionMergeView
        questions={QUESTIONS}
        base={base}
        mine={mine}
        theirs={theirs}
        theirsBy={{ name: 'Claire Martin', at: '2026-12-01T10:00:00.000Z' }}
        onResolve={onResolve}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Fusionner avec les réponses d’un collègue' })).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Claire Martin a enregistré cette contribution');
    expect(screen.getByText(/Repris tels quels de votre collègue.*Question 2/)).toBeInTheDocument();
    const question = screen.getByRole('group', { name: /Question 1 — Quelles difficultés/ });
    expect(within(question).getByText('Leur version')).toBeInTheDocument();
    expect(within(question).getByText('Ma version')).toBeInTheDocument();
    expect(within(question).getByRole('radio', { name: 'Garder ma réponse' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la fusion' }));
    // Only they changed the consent: theirs is taken.
    expect(onResolve).toHaveBeenCalledWith({
      answers: { 'q-text': { text: 'Ma version' }, 'q-single': { choices: ['Trop bas'] }, 'q-scale': { scale: 3 } },
      consent: 'PUBLIC_ANONYMOUS',
    });
  });

  it('takes their answer when asked to', async () => {
    const onResolve = vi.fn();
    renderWithIntl(
      <ContributionMergeView questions={QUESTIONS} base={base} mine={mine} theirs={theirs} onResolve={onResolve} />,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Prendre sa réponse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la fusion' }));
    expect(onResolve.mock.calls[0]![0].answers['q-text']).toEqual({ text: 'Leur version' });
  });

  it('reads in Arabic', () => {
    renderWithIntl(
      <ContributionMergeView
        questions={QUESTIONS}
        base={base}
        mine={mine}
        theirs={theirs}
        onResolve={() => undefined}
      />,
      'ar',
    );
    expect(screen.getByRole('button', { name: 'حفظ الدمج' })).toBeInTheDocument();
    expect(screen.getAllByText('إجابتكم').length).toBeGreaterThan(0);
  });
});
