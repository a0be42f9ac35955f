// `npm run demo:providers`: the demo PR (examples/base -> examples/head) scored by every
// quality service, without accounts. It starts the local fakes of test/emulators/ with
// fixtures for the demo's strings, runs tqg against them as a user would, and prints how
// many requests each fake received. Extra arguments go to tqg (`-- --format json`).
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tsc = join(root, 'node_modules/.bin/tsc')

/**
 * tqg built from the sources with tsc (a second or two). The committed dist/ bundle may lag
 * behind the sources on a branch, and its age cannot be told from the files (a merge
 * touches both), so it runs only when asked: DEMO_CLI=dist.
 */
function cliPath() {
  if (process.env.DEMO_CLI === 'dist') return join(root, 'dist/cli.js')
  execFileSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
  return join(root, 'lib/cli.js')
}

// The fakes are TypeScript shared with the tests: compile them (a second or so).
execFileSync(tsc, ['-p', join(root, 'tsconfig.emulators.json')], { stdio: 'inherit' })
const { startDemoFakes } = await import(join(root, 'lib/demo/test/emulators/demo.js'))
const demo = await startDemoFakes()
console.error(demo.named.map(([name, fake]) => `${name} fake on ${fake.server.url}`).join('\n'))

const cli = cliPath()
const args = [
  cli,
  'examples/base',
  'examples/head',
  '--config',
  'examples/providers.yml',
  // Every run asks the fakes again: the demo shows the requests, not the cache.
  '--cache-dir',
  'off',
  ...Object.entries(demo.settings).flatMap(([name, value]) => [`--${name}`, value]),
  ...process.argv.slice(2),
]
// Secrets as a user passes them: in the environment (PHRASE_TOKEN...), never as flags.
const secrets = Object.fromEntries(Object.entries(demo.secrets).map(([name, value]) => [name.toUpperCase().replace(/-/g, '_'), value]))
console.error(`$ node ${args.map((a) => (a.startsWith(root) ? a.slice(root.length) : a)).join(' ')}\n`)
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...secrets } })
  child.on('exit', (c) => resolve(c ?? 3))
})
console.error(`\nRequests the fakes received: ${demo.named.map(([name, fake]) => `${name} ${fake.server.requests.length}`).join(', ')}; tqg exited ${code}`)
await demo.close()
process.exit(code)
