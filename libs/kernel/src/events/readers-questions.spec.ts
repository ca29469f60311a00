import { readersAnswers, readersQuestionsParams } from './readers-questions';

describe('batched readers questions', () => {
  const questions = [
    { subjectId: 's1', userIds: ['a', 'b'], despiteRemoval: false },
    { subjectId: 's1', userIds: ['b'], despiteRemoval: true },
    { subjectId: 's2', userIds: [], despiteRemoval: false },
    { subjectId: 's3', userIds: ['c'], despiteRemoval: false },
  ];

  it('carries each question as (question, subject, person, removal) pairs', () => {
    expect(readersQuestionsParams(questions)).toEqual([
      [0, 0, 1, 3],
      ['s1', 's1', 's1', 's3'],
      ['a', 'b', 'b', 'c'],
      [false, false, true, false],
    ]);
  });

  it('answers each question with its own readers only, even for the same subject', () => {
    const answers = readersAnswers(questions, [
      { i: 0, user_id: 'a' },
      { i: 1, user_id: 'b' },
      { i: 3, user_id: 'c' },
    ]);
    expect(answers).toEqual([new Set(['a']), new Set(['b']), new Set(), new Set(['c'])]);
  });
});
