// A regular expression run in a worker thread, so that a match that backtracks for too long
// can be stopped. JavaScript cannot interrupt a running match: a custom rule whose pattern
// is polynomial (.*a.*b, a*a*a*b) could spend minutes on one crafted text. The caller waits
// synchronously (Atomics.wait, as checks are synchronous) for at most `timeoutMs`; past it,
// the worker is terminated and the next match starts a fresh one.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { RegexMatch, StoppableRegex } from './checks/custom.js'

/** The worker: one match per message; it answers on its port, then wakes the waiting caller. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const { port, done, pattern, flags } = workerData
let re
// Ready: the caller starts timing a match only now, so a slow start is not a slow match.
Atomics.store(done, 0, 1)
Atomics.notify(done, 0)
port.on('message', (text) => {
  let answer
  try {
    // One worker serves one pattern, compiled on the first text (an error is answered, not thrown at start).
    re ??= new RegExp(pattern, flags)
    const m = re.exec(text)
    answer = m ? { index: m.index, text: m[0] } : null
  } catch (e) {
    answer = { error: String(e && e.message || e) }
  }
  port.postMessage(answer)
  Atomics.store(done, 0, 1)
  Atomics.notify(done, 0)
})
`

/** How long a worker may take to start (a busy machine): far longer than a match may take. */
const WORKER_START_TIMEOUT_MS = 30_000

interface Running {
  worker: Worker
  port: MessagePort
  done: Int32Array
}

export class IsolatedRegex implements StoppableRegex {
  private running?: Running

  constructor(
    private readonly pattern: string,
    private readonly flags: string,
  ) {}

  /** The first match in `text`, null when there is none, or 'timeout' when the match took longer than `timeoutMs`. */
  exec(text: string, timeoutMs: number): RegexMatch | null | 'timeout' {
    const { port, done } = (this.running ??= this.start())
    Atomics.store(done, 0, 0)
    port.postMessage(text)
    if (Atomics.wait(done, 0, 0, timeoutMs) === 'timed-out') {
      this.stop()
      return 'timeout'
    }
    const answer = receiveMessageOnPort(port)?.message as RegexMatch | null | { error: string } | undefined
    if (answer === undefined) throw new Error('The regex worker answered nothing')
    if (answer && 'error' in answer) throw new Error(`The regex worker failed: ${answer.error}`)
    return answer
  }

  /** Ends the worker (a later exec starts another). */
  stop(): void {
    if (!this.running) return
    const { worker, port } = this.running
    this.running = undefined
    port.close()
    void worker.terminate().catch(() => undefined)
  }

  private start(): Running {
    const { port1, port2 } = new MessageChannel()
    const done = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, done, pattern: this.pattern, flags: this.flags }, transferList: [port2] })
    // Neither keeps the process alive: the run ends when its work does.
    worker.unref()
    port1.unref()
    if (Atomics.wait(done, 0, 0, WORKER_START_TIMEOUT_MS) === 'timed-out') {
      void worker.terminate().catch(() => undefined)
      throw new Error(`The regex worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s`)
    }
    return { worker, port: port1, done }
  }
}
