import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemberAnswersTables, type MemberSide } from './MemberContributions';
import { QUESTIONS, renderWithIntl } from './test-support';

vi.setConfig({ testTimeout: 20_000 });

const MEMBERS: MemberSide[] = [
  {
    id: 'c-atlas',
    name: 'Atlas Relation Client',
    status: 'CHANGED_SINCE_SUBMITTED',
    consent: 'PUBLIC_NAMED',
    submittedAt: '2026-11-30T09:00:00.000Z',
    answers: { 'q-text': { text: 'Le plafond est trop bas.' }, 'q-single': { choices: ['Trop bas'] } },
  },
  {
    id: 'c-souss',
    name: 'Souss Contact Center',
    status: 'SUBMITTED',
    consent: 'PUBLIC_ANONYMOUS',
    submittedAt: '2026-11-30T10:00:00.000Z',
    answers: { 'q-text': { text: 'D’accord avec le texte.' }, 'q-scale': { scale: 3 } },
  },
];

describe('MemberAnswersTables', () => {
  it('shows, per question, a captioned table of the federation’s draft and each member’s submitted answer', () => {
    renderWithIntl(
      <MemberAnswersTables
        questions={QUESTIONS}
        draft={{ 'q-single': { choices: ['Trop bas'] } }}
        members={MEMBERS}
        onTake={() => undefined}
        disabled={false}
      />,
    );
    const tables = screen.getAllByRole('table');
    expect(tables).toHaveLength(QUESTIONS.length);
    const text = screen.getByRole('table', { name: /Question 1 : Quelles difficultés/ });
    expect(
      within(text)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Qui', 'Réponse', 'Reprendre']);
    const rows = within(text).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Brouillon de la fédération',
      expect.stringContaining('Atlas Relation Client'),
      expect.stringContaining('Souss Contact Center'),
    ]);
    // The draft has no text answer yet; Atlas edited its draft since it submitted: the submission is what is shown.
    expect(within(rows[0]).getByText('Sans réponse')).toBeTruthy();
    expect(within(rows[1]).getByText('Le plafond est trop bas.')).toBeTruthy();
    expect(rows[1].textContent).toContain('modifiée depuis (non montrée)');

    // The single choice already matches Atlas's: nothing to take from it; Souss did not answer.
    const single = screen.getByRole('table', { name: /Question 2/ });
    const [, atlas, souss] = within(single).getAllByRole('row').slice(1);
    expect(within(atlas).getByText('Identique au brouillon')).toBeTruthy();
    expect(within(atlas).queryByRole('button')).toBeNull();
    expect(within(souss).getByText('Sans réponse')).toBeTruthy();
  });

  it('takes a member’s answer into the draft, or quotes a text answer with the member’s name', async () => {
    const onTake = vi.fn();
    renderWithIntl(
      <MemberAnswersTables
        questions={QUESTIONS}
        draft={{ 'q-text': { text: 'Notre position.' } }}
        members={MEMBERS}
        onTake={onTake}
        disabled={false}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Reprendre la réponse de Souss Contact Center à la question 4' }),
    );
    expect(onTake).toHaveBeenLastCalledWith('q-scale', { scale: 3 });
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Citer la réponse de Atlas Relation Client à la question 1 dans le brouillon',
      }),
    );
    expect(onTake).toHaveBeenLastCalledWith('q-text', {
      text: 'Notre position.\n\n> Le plafond est trop bas.\n> — Atlas Relation Client',
    });
    // Choices are taken, never quoted.
    const single = screen.getByRole('table', { name: /Question 2/ });
    expect(within(single).queryByRole('button', { name: /Citer/ })).toBeNull();
  });

  it('disables taking while the draft cannot change (closed, or a merge waiting), and reads right to left', () => {
    renderWithIntl(
      <MemberAnswersTables questions={QUESTIONS} draft={{}} members={MEMBERS} onTake={() => undefined} disabled />,
      'ar',
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('table', { name: /السؤال 1/ })).toBeTruthy();
    expect(screen.getAllByRole('rowheader')[0].textContent).toBe('مسودة الجامعة');
  });
});
