import { CoalescedRuns } from './coalesced-runs';

/** A run per call of `finish`, returning the items "committed" when it started. */
function lanes() {
  const committed: string[] = [];
  const runs: { took: string[]; finish(): void; fail(error: Error): void }[] = [];
  const coalesced = new CoalescedRuns<string>(
    () =>
      new Promise((resolve, reject) => {
        const took = committed.splice(0);
        runs.push({ took, finish: () => resolve(new Map(took.map((id) => [id, `#${id}`]))), fail: reject });
      }),
  );
  return { committed, runs, coalesced };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedRuns', () => {
  it('runs once per key at a time: callers during a run share the next one', async () => {
    const { committed, runs, coalesced } = lanes();
    committed.push('a');
    const first = coalesced.run('e');
    committed.push('b', 'c');
    const second = [coalesced.run('e'), coalesced.run('e')];
    await tick();
    expect(runs).toHaveLength(1);
    runs[0].finish();
    expect([...(await first).keys()]).toEqual(['a']);
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].finish();
    for (const result of await Promise.all(second)) expect([...result.keys()]).toEqual(['b', 'c']);
  });

  it('answers find from the run under way when that run took the item, without waiting for the next', async () => {
    const { committed, runs, coalesced } = lanes();
    const first = coalesced.run('e');
    committed.push('late'); // committed before the run under way reads (it reads when it starts, here: already started)
    await tick();
    runs[0].took.push('late'); // …but the run under way took it anyway, as a numbering that had not yet locked would
    const found = coalesced.find('e', 'late');
    runs[0].finish();
    await first;
    expect(await found).toBe('#late');
    await tick();
    expect(runs).toHaveLength(1); // nobody left waiting: no second run
  });

  it('answers find with null once a run that started after the call did not return the item', async () => {
    const { runs, coalesced } = lanes();
    const found = coalesced.find('e', 'elsewhere');
    await tick();
    runs[0].finish();
    expect(await found).toBeNull();
  });

  it('rejects only the callers of the run that failed; those who came later get the next run', async () => {
    const { committed, runs, coalesced } = lanes();
    const failing = coalesced.run('e');
    const later = coalesced.find('e', 'x');
    committed.push('x');
    await tick();
    runs[0].fail(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    await tick();
    runs[1].finish();
    expect(await later).toBe('#x');
  });
});
