import { categoryRuleProblems, testedChannels, type CategoryChannelSetup } from './category-rules';

const criteria = [
  { key: 'greeting', label: 'Accueil', max: 4, weight: 1 },
  { key: 'answer', label: 'Réponse exacte', max: 4, weight: 2 },
];

const valid = (): CategoryChannelSetup => ({
  quotas: { PHONE: 60, EMAIL: 30, SOCIAL: 0 },
  weights: { PHONE: 70, EMAIL: 30 },
  grids: { PHONE: criteria, EMAIL: criteria },
  scenarios: [
    { channel: 'PHONE', text: 'Résilier un contrat' },
    { channel: 'EMAIL', text: 'Contester une facture' },
  ],
});

describe('categoryRuleProblems', () => {
  it('accepts a consistent category', () => {
    expect(categoryRuleProblems(valid())).toEqual([]);
  });

  it('tests only the channels whose quota is above 0, in the canonical order', () => {
    expect(testedChannels({ SOCIAL: 10, PHONE: 60, EMAIL: 0 })).toEqual(['PHONE', 'SOCIAL']);
  });

  it('accepts weights with hundredths that sum to exactly 100', () => {
    const setup = valid();
    setup.quotas = { PHONE: 1, EMAIL: 1, WEB: 1 };
    setup.weights = { PHONE: 33.33, EMAIL: 33.33, WEB: 33.34 };
    setup.grids.WEB = criteria;
    setup.scenarios.push({ channel: 'WEB', text: 'Trouver les tarifs' });
    expect(categoryRuleProblems(setup)).toEqual([]);
  });

  it('accepts a weight of 0 on an untested channel', () => {
    expect(categoryRuleProblems({ ...valid(), weights: { PHONE: 70, EMAIL: 30, CHAT: 0 } })).toEqual([]);
  });

  it.each<[string, (s: CategoryChannelSetup) => void, RegExp]>([
    ['weights that do not sum to 100', (s) => (s.weights.EMAIL = 20), /^weights must sum to 100 \(got 90\)$/],
    ['no tested channel', (s) => (s.quotas = { PHONE: 0 }), /quotas must give at least one channel a quota above 0/],
    ['a weight on a channel without quota', (s) => (s.weights = { PHONE: 60, EMAIL: 30, SOCIAL: 10 }), /weights.SOCIAL is set but SOCIAL has no quota/],
    ['a tested channel without weight', (s) => (s.weights = { PHONE: 100 }), /weights.EMAIL is missing/],
    ['a tested channel weighted 0', (s) => (s.weights = { PHONE: 100, EMAIL: 0 }), /weights.EMAIL must be greater than 0/],
    ['a tested channel without grid', (s) => delete s.grids.EMAIL, /grids.EMAIL is missing: every channel with a quota needs a non-empty evaluation grid/],
    ['a tested channel with an empty grid', (s) => (s.grids.PHONE = []), /grids.PHONE is missing/],
    ['a criterion key twice in a grid', (s) => (s.grids.PHONE = [...criteria, criteria[0]]), /grids.PHONE has the criterion key "greeting" more than once/],
    ['a tested channel without scenario', (s) => (s.scenarios = s.scenarios.slice(0, 1)), /scenarios must include at least one scenario for EMAIL/],
  ])('refuses %s, naming the rule', (_label, change, message) => {
    const setup = valid();
    change(setup);
    const problems = categoryRuleProblems(setup);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it('lists every broken rule at once', () => {
    expect(categoryRuleProblems({ quotas: { CHAT: 5 }, weights: { CHAT: 50 }, grids: {}, scenarios: [] })).toEqual([
      'weights must sum to 100 (got 50)',
      'grids.CHAT is missing: every channel with a quota needs a non-empty evaluation grid',
      'scenarios must include at least one scenario for CHAT, which has a quota',
    ]);
  });
});
