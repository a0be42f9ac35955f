// Bundles the tsc output in lib/ into dist/: dist/index.js for the action, and the CLI
// into dist/cli/ (ncc always names its output index.js) behind a one-line dist/cli.js.
import { execFileSync } from 'node:child_process'
import { chmodSync, rmSync, writeFileSync } from 'node:fs'

const ncc = (entry, out) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' })

rmSync('dist', { recursive: true, force: true })
ncc('lib/index.js', 'dist')
ncc('lib/cli.js', 'dist/cli')
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js'\n")
chmodSync('dist/cli.js', 0o755)
