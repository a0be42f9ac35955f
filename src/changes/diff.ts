// The lines a unified diff adds to the new version of one file: where a review comment can be
// anchored (`line` + `side: RIGHT`), with their text as the new file has it (what a suggested
// change replaces, read here instead of fetching the file again). Pure: a patch in (git's or
// the API's `patch` field), lines out.

/** 1-based line numbers of the new file that the patch adds or changes, with each line's text. */
export type AddedLines = Map<number, string>

export function addedLines(patch: string): AddedLines {
  const added: AddedLines = new Map()
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
    if (text.startsWith('+')) added.set(line++, text.slice(1))
    else if (text.startsWith(' ')) line++
    else if (text.startsWith('-') || text.startsWith('\\')) continue
    // A header of the next file (multi-file output) ends the hunk.
    else inHunk = false
  }
  return added
}
