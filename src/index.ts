// The action's entry; see action/main.ts.
import { run } from './action/main.js'

await run()
