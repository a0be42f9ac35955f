import { describe, expect, it } from '@jest/globals'
import { chrome } from '../../src/formats/chrome.js'
import { formatForPath } from '../../src/formats/index.js'
import { json } from '../../src/formats/json.js'
import { compilePattern, matchPath } from '../../src/paths.js'
import { fixtureBytes, keyValueLine, read } from '../helpers/units.js'

describe('Chrome extension messages.json', () => {
  it('reads each message text with its line and description; placeholders are not units', () => {
    const r = read(chrome, fixtureBytes('chrome/_locales/en/messages.json'))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['extname', 'Tab Tidy', 3],
      ['extdescription', 'Group, sort and snooze your open tabs.', 7],
      ['tabsclosed', 'Closed $COUNT$ tabs in $WINDOW$', 11],
      ['snoozeuntil', 'Snooze until $TIME$', 25],
      ['optionstitle', 'Options', 34],
    ])
    expect(r.units[0].comment).toBe('Name of the extension, shown in the Chrome Web Store.')
  })

  it.each([
    ['de', [['tabsclosed', '$COUNT$ Tabs in $WINDOW$ geschlossen', 10]]],
    ['pt_BR', [['tabsclosed', '$COUNT$ abas fechadas em $WINDOW$', 9]]],
    ['he', [['tabsclosed', 'נסגרו $COUNT$ כרטיסיות ב־$WINDOW$', 9]]],
  ])('reads _locales/%s', (dir, expected) => {
    const r = read(chrome, fixtureBytes(`chrome/_locales/${dir}/messages.json`))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r).filter(([k]) => k === 'tabsclosed')).toEqual(expected)
  })

  it('pairs message names case-insensitively, as Chrome reads them', () => {
    expect(read(chrome, '{"extName": {"message": "x"}, "Tab_Count": {"message": "y"}}').units.map((u) => u.key)).toEqual(['extname', 'tab_count'])
  })

  it.each([
    ['{\n  "a": {"description": "x"}\n}', 2, 1001, 'The message "a" has no "message" string; Chrome will not load the extension'],
    ['{\n  "a": "text"\n}', 2, 1001, 'The message "a" must be an object with a "message", found a string; Chrome will not load the extension'],
    ['{\n  "Save": {"message": "x"},\n  "save": {"message": "y"}\n}', 3, 1003, 'Duplicate key "save": the last value wins, the earlier one is ignored'],
    ['{\n  "bad name": {"message": "x"}\n}', 2, 1001, 'Invalid message name "bad name": Chrome allows only A-Z, a-z, 0-9, _ and @, and reserves names starting with @@'],
  ])('reports %j on its line', (text, line, rule, message) => {
    expect(read(chrome, text).problems).toEqual([expect.objectContaining({ line, rule, message })])
  })

  it('is chosen before plain JSON for _locales/*/messages.json only, and its locale directories use underscores', () => {
    expect(formatForPath('extension/_locales/pt_BR/messages.json')).toBe(chrome)
    expect(formatForPath('locales/de/messages.json')).toBe(json)
    expect(matchPath(compilePattern('extension/_locales/{locale}/messages.json'), 'extension/_locales/pt_BR/messages.json')?.locale).toBe('pt-BR')
    expect(chrome.syntax).toEqual(['chrome'])
  })
})
