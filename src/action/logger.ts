// The pipeline's Logger on the runner: @actions/core lines and groups, every line passed
// through the mask first (the runner masks registered secrets too; this does not rely on it).
import * as core from '@actions/core'
import type { Logger } from '../log.js'

export function actionLogger(mask: (text: string) => string): Logger {
  return {
    info: (m) => core.info(mask(m)),
    warning: (m) => core.warning(mask(m)),
    debug: (m) => core.debug(mask(m)),
    group: (name, fn) => core.group(mask(name), fn),
  }
}

