import { answerProblems, evaluationScore } from './scoring';

const grid = [
  { key: 'greeting', label: 'Accueil', max: 4, weight: 1.5 },
  { key: 'answer', label: 'Réponse', max: 3, weight: 2 },
  { key: 'courtesy', label: 'Courtoisie', max: 1, weight: 0.25 },
];

describe('evaluation score', () => {
  it('is 20 × Σ(weight × points) / Σ(weight × max), rounded half up to 4 decimals', () => {
    expect(evaluationScore(grid, { greeting: 3, answer: 2, courtesy: 1 })).toBe('14.2857'); // 175 / 12.25
    expect(evaluationScore(grid, { greeting: 4, answer: 3, courtesy: 1 })).toBe('20.0000');
    expect(evaluationScore(grid, { greeting: 0, answer: 0, courtesy: 0 })).toBe('0.0000');
    // 20 × 0.1 / 0.3 = 6.6666… → 6.6667, with weights that are not exact in binary floating point
    expect(
      evaluationScore(
        [
          { key: 'a', label: 'A', max: 1, weight: 0.1 },
          { key: 'b', label: 'B', max: 1, weight: 0.2 },
        ],
        { a: 1, b: 0 },
      ),
    ).toBe('6.6667');
  });

  it('names each missing, unknown or out-of-range answer', () => {
    expect(answerProblems(grid, { greeting: 3, answer: 4, smile: 1 })).toEqual([
      "answers.smile is not a criterion of this channel's grid",
      'answers.answer must be a whole number of points from 0 to 3',
      'answers.courtesy is missing: every criterion of the grid must be answered',
    ]);
    expect(answerProblems(grid, { greeting: 3, answer: 2, courtesy: 1 })).toEqual([]);
  });
});
