// `npm run bench`: every benchmark section in turn, or the ones named on the command line.
//   node bench/run.mjs [rules] [formats] [format-memory]
// A section is a function of no arguments that prints its own table; add one to SECTIONS.
import { runBrokenYamlBench, runFileMemoryBench, runFormatsBench } from './formats.mjs'
import { runRulesBench } from './rules.mjs'

const SECTIONS = {
  rules: () => runRulesBench(),
  formats: () => {
    runFormatsBench()
    runBrokenYamlBench()
  },
  'format-memory': () => runFileMemoryBench(),
}

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(name in SECTIONS))
if (unknown.length > 0) {
  console.error(`Unknown bench section ${unknown.join(', ')}; expected ${Object.keys(SECTIONS).join(', ')}`)
  process.exit(2)
}
console.log(`Node ${process.version}, ${process.platform} ${process.arch}`)
for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) await SECTIONS[name]()
