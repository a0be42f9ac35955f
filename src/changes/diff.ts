// The lines a unified diff adds to the new version of one file: where a review comment can be
// anchored (`line` + `side: RIGHT`). Pure: a patch in (git's or the API's `patch` field),
// line numbers out.

/** 1-based line numbers of the new file that the patch adds or changes. */
export function addedLines(patch: string): Set<number> {
  const added = new Set<number>()
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (hunk) {
      line = Number(hunk[1])
      inHunk = true
      continue
    }
    if (!inHunk) continue
    if (text.startsWith('+')) added.add(line++)
    else if (text.startsWith(' ')) line++
    else if (text.startsWith('-') || text.startsWith('\\')) continue
    // A header of the next file (multi-file output) ends the hunk.
    else inHunk = false
  }
  return added
}
