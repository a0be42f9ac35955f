// The JSON report's segments carry what the file says of each string (its context and the
// developer's or translator's comment), for whoever reviews a finding.
import { describe, expect, it } from '@jest/globals'
import { silentLogger } from '../../src/log.js'
import { jsonReport } from '../../src/reporters/json.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import { memoryChanges } from '../helpers/trees.js'

const header = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
const entries = [
  '#. Button that opens the selected photo\n#: src/viewer.c:41\nmsgctxt "action"\nmsgid "Open"\nmsgstr "Öffnen"\n',
  '#: src/viewer.c:97\nmsgid "Close"\nmsgstr "Schliessen"\n',
  '# Jana: checked with the style guide\n#. Shown when the library is empty\nmsgid "No photos yet"\nmsgstr "Noch keine Fotos"\n',
]

describe('JSON report segments', () => {
  it('include the context and comment where the file has them, and omit them where not', async () => {
    const settings = resolveSettings({ inputs: { files: 'po/{locale}.po' }, origin: (n) => `input '${n}'` })
    const report = await runPipeline(settings, { changes: memoryChanges({}, { 'po/de.po': header + entries.join('\n') }), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    const segments = (jsonReport(report) as { segments: Record<string, unknown>[] }).segments
    expect(segments.map(({ key, context, comment }) => ({ key, context, comment }))).toEqual([
      { key: 'action\u0004Open', context: 'action', comment: 'Button that opens the selected photo' },
      { key: 'Close', context: undefined, comment: undefined },
      { key: 'No photos yet', context: undefined, comment: 'Shown when the library is empty\nJana: checked with the style guide' },
    ])
    expect(Object.keys(segments[1])).not.toContain('comment')
  })

  it("take a monolingual translation's comment from its source where it has none (ARB descriptions)", async () => {
    const en = '{\n  "@@locale": "en",\n  "openPhoto": "Open",\n  "@openPhoto": {\n    "description": "Button that opens the selected photo"\n  },\n  "close": "Close"\n}\n'
    const de = '{\n  "@@locale": "de",\n  "openPhoto": "Öffnen",\n  "close": "Schließen",\n  "@close": {\n    "description": "Schließt das Fenster"\n  }\n}\n'
    const settings = resolveSettings({ inputs: { files: 'lib/l10n/app_{locale}.arb' }, origin: (n) => `input '${n}'` })
    const report = await runPipeline(settings, { changes: memoryChanges({ 'lib/l10n/app_en.arb': en }, { 'lib/l10n/app_en.arb': en, 'lib/l10n/app_de.arb': de }), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    const segments = (jsonReport(report) as { segments: Record<string, unknown>[] }).segments
    expect(segments.map(({ key, comment }) => [key, comment])).toEqual([
      ['openPhoto', 'Button that opens the selected photo'],
      ['close', 'Schließt das Fenster'],
    ])
  })
})
