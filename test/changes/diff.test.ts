import { describe, expect, it } from '@jest/globals'
import { addedLines } from '../../src/changes/diff.js'

describe('addedLines', () => {
  it.each([
    ['one added line', '@@ -3,0 +4 @@\n+new', [[4, 'new']]],
    ['a changed line with context', '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c', [[2, 'B']]],
    ['two hunks', '@@ -1,2 +1,3 @@\n a\n+x\n b\n@@ -10,2 +11,2 @@\n-y\n+Y\n z', [[2, 'x'], [11, 'Y']]],
    ['no newline at end', '@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file', [[1, 'b']]],
    ['only deletions', '@@ -1,2 +0,0 @@\n-a\n-b', []],
    ['git headers before the hunk', 'diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+b', [[2, 'b']]],
    ['a second file header ends the hunk', '@@ -1 +1,2 @@\n a\n+b\ndiff --git a/y b/y\n+++ b/y', [[2, 'b']]],
    ['lines keep their spaces, quotes and a CR', '@@ -1 +1,2 @@\n a\n+  "k": "v ",\r', [[2, '  "k": "v ",\r']]],
    ['an added line that starts with +', '@@ -0,0 +1 @@\n++1', [[1, '+1']]],
  ])('%s', (_label, patch, expected) => {
    expect([...addedLines(patch)]).toEqual(expected)
  })
})
