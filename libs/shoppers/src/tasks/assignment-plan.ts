/** A PENDING task as the planner sees it. */
export interface PlanTask {
  id: string;
  categoryId: string;
  code: string;
  editionId: string;
  entryId: string;
  companyId: string;
  weekStart: string;
}

export interface PlanShopper {
  id: string;
  capacity: number;
  sectors: string[];
  /** Lower-case domain of the shopper's e-mail address. */
  domain: string;
}

export interface PlanRules {
  rotationLimit(companyId: string, editionId: string): number;
  /** `${shopperId}/${companyId}`: a conflict declared with the company's SIREN. */
  conflicts: Set<string>;
  /** Lower-case e-mail domains of each company's users. */
  companyDomains: Map<string, Set<string>>;
  /** `${shopperId}/${taskId}`: declined, or expired/rejected on the task's lineage. */
  refusals: Set<string>;
}

/**
 * The rulebook's choice, task by task in id order, over loads that grow as the plan goes: among eligible
 * shoppers (qualified for the sector, no conflict by SIREN or e-mail domain, no refusal of the task, room in
 * the week's capacity, under the company's rotation limit) the least loaded for the task's week, then the
 * least loaded in all, then the one with fewest tasks of that company, then the lowest id.
 * Suspended shoppers are not passed in. Returns task id → shopper id for the tasks that found someone.
 */
export function planAssignments(
  tasks: PlanTask[],
  shoppers: PlanShopper[],
  weekLoads: { shopperId: string; weekStart: string; assigned: number }[],
  companyLoads: { shopperId: string; companyId: string; editionId: string; assigned: number }[],
  rules: PlanRules,
): Map<string, string> {
  // Shoppers by index in id order, loads in typed arrays: the inner loop is array reads only.
  const sorted = [...shoppers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const index = new Map(sorted.map((s, i) => [s.id, i]));
  const capacity = Int32Array.from(sorted.map((s) => s.capacity));
  const total = new Int32Array(n);
  const weeks = new Map<string, Int32Array>();
  const weekOf = (week: string) => weeks.get(week) ?? weeks.set(week, new Int32Array(n)).get(week)!;
  for (const l of weekLoads) {
    const i = index.get(l.shopperId);
    if (i === undefined) continue;
    weekOf(l.weekStart)[i] = l.assigned;
    total[i] += l.assigned;
  }
  const companies = new Map<string, Int32Array>();
  const companyOf = (companyId: string, editionId: string) => {
    const key = `${companyId}|${editionId}`;
    return companies.get(key) ?? companies.set(key, new Int32Array(n)).get(key)!;
  };
  for (const l of companyLoads) {
    const i = index.get(l.shopperId);
    if (i !== undefined) companyOf(l.companyId, l.editionId)[i] = l.assigned;
  }
  // Shoppers excluded from a company for good (conflict by SIREN or same e-mail domain).
  const excluded = new Map<string, Uint8Array>();
  const excludedFrom = (companyId: string) => {
    let mask = excluded.get(companyId);
    if (!mask) {
      mask = new Uint8Array(n);
      const domains = rules.companyDomains.get(companyId);
      for (let i = 0; i < n; i++) if (rules.conflicts.has(`${sorted[i].id}/${companyId}`) || domains?.has(sorted[i].domain)) mask[i] = 1;
      excluded.set(companyId, mask);
    }
    return mask;
  };
  const bySector = new Map<string, Int32Array>();
  const sectorOf = (code: string) => {
    let list = bySector.get(code);
    if (!list) {
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (sorted[i].sectors.includes(code)) members.push(i);
      bySector.set(code, (list = Int32Array.from(members)));
    }
    return list;
  };

  const choice = new Map<string, string>();
  for (const task of [...tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const limit = rules.rotationLimit(task.companyId, task.editionId);
    const mask = excludedFrom(task.companyId);
    const week = weekOf(task.weekStart);
    const company = companyOf(task.companyId, task.editionId);
    let best = -1;
    for (const i of sectorOf(task.code)) {
      if (mask[i] || week[i] >= capacity[i] || company[i] >= limit) continue;
      if (rules.refusals.size > 0 && rules.refusals.has(`${sorted[i].id}/${task.id}`)) continue;
      // Members come in id order, so a strict "less than" keeps the lowest id on ties.
      if (
        best < 0 ||
        week[i] < week[best] ||
        (week[i] === week[best] && (total[i] < total[best] || (total[i] === total[best] && company[i] < company[best])))
      ) {
        best = i;
      }
    }
    if (best < 0) continue;
    choice.set(task.id, sorted[best].id);
    week[best]++;
    total[best]++;
    company[best]++;
  }
  return choice;
}
