// Asserts that a CLI run found each planted defect at its exact line, and nothing on any
// other line (rules added later may say more about a planted line, never about a clean one).
import { expect } from '@jest/globals'
import type { FoundIssue } from './pr.js'

export type Planted = [file: string, line: number, rule: number]

export function expectPlanted(issues: FoundIssue[], planted: Planted[]): void {
  const found = issues.map((i): Planted => [i.file, i.line, i.rule])
  expect(found).toEqual(expect.arrayContaining(planted))
  const lines = new Set(planted.map(([file, line]) => `${file}:${line}`))
  expect(found.filter(([file, line]) => !lines.has(`${file}:${line}`))).toEqual([])
}
