// The action's Logger: what reaches the runner's log. The runner reads a line of standard
// output that starts with `::` as a workflow command (`::error::`, `::add-mask::`,
// `::stop-commands::`...), so untrusted text logged as info (a file name with a newline, a
// service's message) must never start such a line.
import { describe, expect, it, jest } from '@jest/globals'
import { actionLogger } from '../../src/action/logger.js'

function logged(fn: () => void): string[] {
  const written: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return written.join('').split(/\r?\n/).filter(Boolean)
}

describe('actionLogger', () => {
  it.each([
    ['Custom.MT decisions for locales/de\n::error file=app.ts,line=1::Hacked\n.xlf, written to x'],
    ['Custom.MT decisions for locales/de\r\n  ::stop-commands::abc\n.xlf'],
    ['::set-output name=passed::true'],
    ['   ::add-mask::Translation'],
    ['a\u2028::warning::b'],
  ])('logs %j as one line that is not a workflow command', (message) => {
    const lines = logged(() => actionLogger((t) => t).info(message))
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toMatch(/^\s*::/)
  })

  it('keeps an ordinary line as it is, masked', () => {
    const lines = logged(() => actionLogger((t) => t.replace('s3cret', '***')).info('Phrase: looking up 3 segment(s) with s3cret'))
    expect(lines).toEqual(['Phrase: looking up 3 segment(s) with ***'])
  })

  it('leaves warnings and debug lines to the toolkit, which escapes them', () => {
    const log = actionLogger((t) => t)
    const lines = logged(() => {
      log.warning('bad\n::error::x')
      log.debug('bad\n::error::x')
    })
    expect(lines).toEqual(['::warning::bad%0A::error::x', '::debug::bad%0A::error::x'])
    // Each warning is an annotation of the step: publish counts them against GitHub's 10.
    expect(log.warned()).toBe(1)
  })
})
