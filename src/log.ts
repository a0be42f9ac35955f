// The logging seam: the action logs through @actions/core, the CLI to stderr, tests to
// memory. Stages receive a Logger and never print directly.
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  debug: () => {},
  group: (_name, fn) => fn(),
}

/** Collects messages (tests). */
export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  return {
    lines,
    info: (m) => void lines.push(m),
    warning: (m) => void lines.push(`warning: ${m}`),
    debug: (m) => void lines.push(`debug: ${m}`),
    group: async (name, fn) => {
      lines.push(`## ${name}`)
      return fn()
    },
  }
}

/**
 * Replaces every secret in a text, and its URL-encoded form (a secret in a query string),
 * with `***`: longest first, so overlapping secrets go whole. Shorter than 4 characters is
 * not a secret worth garbling every line for.
 */
export function masker(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4).flatMap((s) => [s, encodeURIComponent(s)]))].sort((a, b) => b.length - a.length)
  return (text) => values.reduce((out, s) => out.split(s).join('***'), text)
}
