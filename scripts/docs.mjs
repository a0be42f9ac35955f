// Writes the generated files (see src/docs/generate.ts). Run after changing rules or settings.
import { readFileSync, writeFileSync } from 'node:fs'
import { actionYml, configJsonSchema, outputsTable, replaceBetween, rulesMarkdown, settingsTable } from '../lib/docs/generate.js'

writeFileSync('docs/rules.md', rulesMarkdown())
writeFileSync('schema/config.schema.json', configJsonSchema())
writeFileSync('action.yml', actionYml())
let readme = readFileSync('README.md', 'utf8')
readme = replaceBetween(readme, 'settings', settingsTable())
readme = replaceBetween(readme, 'outputs', outputsTable())
writeFileSync('README.md', readme)
console.log('wrote docs/rules.md, schema/config.schema.json, action.yml, README.md tables')
