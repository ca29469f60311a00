import { ConsultationQuestion } from '../consultation/consultation.entity';
import { answerProblems, answerViews, canonicalContribution, sha256, storedAnswers } from './answers';

const question = (
  position: number,
  kind: ConsultationQuestion['kind'],
  extra: Partial<ConsultationQuestion> = {},
): ConsultationQuestion =>
  ({
    id: `q${position}`,
    consultationId: 'c',
    position,
    kind,
    prompt: 'Q',
    required: false,
    options: [],
    maxLength: null,
    documentId: null,
    versionId: null,
    sectionKey: null,
    ...extra,
  }) as ConsultationQuestion;

const questions = [
  question(1, 'TEXT', { required: true, maxLength: 20 }),
  question(2, 'SINGLE_CHOICE', { options: ['oui', 'non'] }),
  question(3, 'MULTI_CHOICE', { options: ['CRM', 'BPO', 'ITO'], required: true }),
  question(4, 'SCALE', { scaleMin: 1, scaleMax: 5 }),
];

describe('answers', () => {
  it('accepts a valid set and reports each problem by question number', () => {
    expect(answerProblems(questions, { q1: 'Avis', q2: 'oui', q3: ['CRM', 'ITO'], q4: 5 }, true)).toEqual({});
    expect(
      answerProblems(questions, { q1: 'x'.repeat(21), q2: 'peut-être', q3: ['CRM', 'CRM'], q4: 6, q9: 'x' }, true),
    ).toEqual({
      'answers.1': 'must be at most 20 characters',
      'answers.2': 'must be one of the options',
      'answers.3': 'must be distinct options of the question',
      'answers.4': 'must be a whole number from 1 to 5',
      'answers.q9': 'is not a question of this consultation',
    });
  });

  it('asks for required answers only on submission', () => {
    expect(answerProblems(questions, {}, false)).toEqual({});
    expect(answerProblems(questions, { q3: [] }, true)).toEqual({
      'answers.1': 'is required',
      'answers.3': 'is required',
    });
  });

  it('digests the same content the same way, and different content differently', () => {
    const a = canonicalContribution('c', 'o', 'PUBLIC_NAMED', questions, { q2: 'oui', q1: 'Avis' });
    const b = canonicalContribution('c', 'o', 'PUBLIC_NAMED', [...questions].reverse(), { q1: 'Avis', q2: 'oui' });
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(canonicalContribution('c', 'o', 'PUBLIC_NAMED', questions, { q1: 'Avis.', q2: 'oui' }))).not.toBe(
      sha256(a),
    );
  });

  it('stores each kind of answer as receipts have always digested it, and reads it back in the shape it was given', () => {
    const given = [
      { questionId: 'q1', text: 'Avis' },
      { questionId: 'q2', choices: ['oui'] },
      { questionId: 'q3', choices: ['ITO', 'CRM'] },
      { questionId: 'q4', scale: 3 },
    ];
    const { stored, problems } = storedAnswers(questions, given);
    expect(problems).toEqual({});
    expect(stored).toEqual({ q1: 'Avis', q2: 'oui', q3: ['ITO', 'CRM'], q4: 3 });
    expect(answerViews(questions, stored)).toEqual(
      given.map((answer) => ({ text: null, choices: null, scale: null, ...answer })),
    );
  });

  it('refuses an answer in a field that does not fit the question, instead of dropping it', () => {
    const { stored, problems } = storedAnswers(questions, [
      { questionId: 'q2', text: 'oui' },
      { questionId: 'q4', text: '3' },
      { questionId: 'q2', choices: ['oui', 'non'] },
    ]);
    expect(stored).toEqual({});
    expect(problems).toEqual({
      'answers.2': 'choose one option',
      'answers.4': 'answer a SCALE question with `scale` only',
    });
  });

  it('checks a scale against its own range', () => {
    const nps = [question(1, 'SCALE', { scaleMin: 0, scaleMax: 10 })];
    expect(answerProblems(nps, { q1: 0 }, true)).toEqual({});
    expect(answerProblems(nps, { q1: 11 }, true)).toEqual({ 'answers.1': 'must be a whole number from 0 to 10' });
  });

  it('keeps the canonical text of existing receipts: a single choice is digested as its option', () => {
    // Pinned: receipts issued before answers were read back as choices must still verify (same text, same digest).
    const canonical = canonicalContribution('c', 'o', 'PUBLIC_NAMED', questions, { q1: 'Avis', q2: 'oui', q4: 4 });
    expect(canonical).toBe(
      '{"consultation":"c","organization":"o","consent":"PUBLIC_NAMED","answers":[{"position":1,"answer":"Avis"},' +
        '{"position":2,"answer":"oui"},{"position":3,"answer":null},{"position":4,"answer":4}],"contributors":[]}',
    );
    expect(sha256(canonical)).toBe('38c0cbb69ab347f744d1c72eb693f3af8caa784386ec756ec8c59db7ddd50c19');
  });
});
