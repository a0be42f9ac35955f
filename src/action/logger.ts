// The pipeline's Logger on the runner: @actions/core lines and groups, every line passed
// through the mask first (the runner masks registered secrets too; this does not rely on it).
// Info lines are written raw to standard output, where a line starting with `::` is a
// workflow command: they are made single, inert lines (the toolkit escapes the others).
import * as core from '@actions/core'
import type { Logger } from '../log.js'
import { logLine } from '../reporters/escape.js'

/** The Logger, and how many warnings it showed: each is an annotation, and GitHub shows 10 per step. */
export function actionLogger(mask: (text: string) => string): Logger & { warned(): number } {
  let warnings = 0
  return {
    warned: () => warnings,
    info: (m) => core.info(logLine(mask(m))),
    warning: (m) => {
      warnings++
      core.warning(mask(m))
    },
    debug: (m) => core.debug(mask(m)),
    group: (name, fn) => core.group(mask(name), fn),
  }
}

