import { createHash } from 'node:crypto';

/**
 * Numbers in [0, 1) drawn from SHA-256 of (seed, stream, counter): the same seed and stream give the same
 * numbers whatever happens elsewhere, so each simulated actor has its own repeatable stream and the order
 * in which actors run does not change what they draw.
 */
export class SeededRandom {
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly stream: string,
  ) {}

  next(): number {
    const digest = createHash('sha256').update(`${this.seed}:${this.stream}:${this.counter++}`).digest();
    return digest.readUIntBE(0, 6) / 2 ** 48;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.between(min, maxInclusive + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A normal deviate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = Math.max(this.next(), Number.EPSILON);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
