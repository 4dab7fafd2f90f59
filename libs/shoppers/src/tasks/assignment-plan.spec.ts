import fc from 'fast-check';
import { planAssignments, type PlanRules, type PlanShopper, type PlanTask } from './assignment-plan';
import { rotationLimitFor } from './rotation';

const task = (i: number, companyId = 'c1', weekStart = '2031-01-06'): PlanTask => ({
  id: `t${String(i).padStart(4, '0')}`,
  categoryId: 'cat',
  code: 'banking',
  editionId: 'e1',
  entryId: `entry-${companyId}`,
  companyId,
  weekStart,
});
const rules = (overrides: Partial<PlanRules> = {}): PlanRules => ({
  rotationLimit: () => 100,
  conflicts: new Set(),
  companyDomains: new Map(),
  refusals: new Set(),
  ...overrides,
});
const shopper = (id: string, capacity = 10, sectors = ['banking'], domain = 'mail.test'): PlanShopper => ({ id, capacity, sectors, domain });

describe('assignment plan', () => {
  it('rotation limit is max(1, floor(10 %))', () => {
    expect([1, 9, 10, 25, 225].map(rotationLimitFor)).toEqual([1, 1, 1, 2, 22]);
  });

  it('least loaded for the week first, then in all, then fewest of the company, then lowest id', () => {
    const shoppers = [shopper('a'), shopper('b'), shopper('c')];
    // a: 2 this week; b: 1 this week + 5 other weeks; c: 1 this week, 0 elsewhere → c
    const weekLoads = [
      { shopperId: 'a', weekStart: '2031-01-06', assigned: 2 },
      { shopperId: 'b', weekStart: '2031-01-06', assigned: 1 },
      { shopperId: 'b', weekStart: '2031-01-13', assigned: 5 },
      { shopperId: 'c', weekStart: '2031-01-06', assigned: 1 },
    ];
    expect(planAssignments([task(1)], shoppers, weekLoads, [], rules()).get('t0001')).toBe('c');
    // equal week and total loads: fewer tasks of that company wins
    const companyLoads = [{ shopperId: 'a', companyId: 'c1', editionId: 'e1', assigned: 1 }];
    expect(
      planAssignments(
        [task(1)],
        [shopper('a'), shopper('b')],
        [
          { shopperId: 'b', weekStart: '2031-01-13', assigned: 1 },
          { shopperId: 'a', weekStart: '2031-01-13', assigned: 1 },
        ],
        companyLoads,
        rules(),
      ).get('t0001'),
    ).toBe('b');
    // all equal: lowest id
    expect(planAssignments([task(1)], [shopper('z'), shopper('m')], [], [], rules()).get('t0001')).toBe('m');
  });

  it('property: the plan never breaks a rule and leaves a task only when nobody could take it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 5 }), inSector: fc.boolean(), conflict: fc.boolean(), domain: fc.boolean() }), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (pool, count, limit) => {
          const shoppers = pool.map((p, i) => shopper(`s${i}`, p.capacity, p.inSector ? ['banking'] : ['other'], p.domain ? 'acme.fr' : 'mail.test'));
          const conflicts = new Set(pool.flatMap((p, i) => (p.conflict ? [`s${i}/c1`] : [])));
          const tasks = Array.from({ length: count }, (_, i) => task(i, 'c1', i % 2 ? '2031-01-06' : '2031-01-13'));
          const r = rules({ rotationLimit: () => limit, conflicts, companyDomains: new Map([['c1', new Set(['acme.fr'])]]) });
          const plan = planAssignments(tasks, shoppers, [], [], r);
          pool.forEach((p, i) => {
            const mine = tasks.filter((t) => plan.get(t.id) === `s${i}`);
            const eligible = p.inSector && !p.conflict && !p.domain;
            if (!eligible) expect(mine).toHaveLength(0);
            expect(mine.length).toBeLessThanOrEqual(limit);
            for (const week of ['2031-01-06', '2031-01-13']) expect(mine.filter((t) => t.weekStart === week).length).toBeLessThanOrEqual(p.capacity);
            if (plan.size < count && eligible) {
              // someone eligible is left: they must be full for the left tasks' weeks or at the rotation limit
              const left = tasks.filter((t) => !plan.has(t.id));
              for (const t of left) expect(mine.length >= limit || mine.filter((m) => m.weekStart === t.weekStart).length >= p.capacity).toBe(true);
            }
          });
        },
      ),
    );
  });
});
