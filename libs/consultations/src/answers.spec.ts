import { ConsultationQuestion } from './consultation.entity';
import { answerProblems, canonicalContribution, sha256 } from './answers';

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
  question(4, 'SCALE'),
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
});
