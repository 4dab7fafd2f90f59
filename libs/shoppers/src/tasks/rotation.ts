/** Rotation limit: at most 10 % of a company's tasks in an edition go to one shopper, and at least one. */
export function rotationLimitFor(companyTasks: number): number {
  return Math.max(1, Math.floor(companyTasks / 10));
}
