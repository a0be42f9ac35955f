export interface PatternRng {
  int(n: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}
export function rng(seed: number): PatternRng
export function randomSource(r: PatternRng): string
export function exponentialSource(r: PatternRng): string
