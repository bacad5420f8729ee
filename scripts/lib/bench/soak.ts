/**
 * @module
 * The soak (`npm run bench -- --soak`): the real Worker under `wrangler dev` on 127.0.0.1, with
 * a built copy of the project, under steady load from `autocannon` (the seeded query mix on
 * `/api/search`) for a bounded time, while the memory of its `workerd` process is sampled:
 * - RSS: `VmRSS` of `/proc/<pid>/status` of the `workerd` in wrangler's process group;
 * - isolate heap: V8's used heap through the inspector wrangler proxies
 *   (`Runtime.getHeapUsage`), when it answers within a second (else that sample has none).
 * Samples are taken before the load (after a warm-up), every few seconds during it, and for a few
 * seconds after it. The load stops by itself after its duration (and is stopped a minute later if
 * not); the server is stopped whatever happens.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { startDevServer, type DevServer } from '../dev-server.ts'
import { summariseCurve, thinCurve, type CurvePoint, type CurveSummary } from './soak-curve.ts'

/** One memory sample. */
export type MemorySample = {
  /** Seconds since the load started (negative before it). */
  seconds: number
  phase: 'before' | 'load' | 'after'
  /** `VmRSS` of the workerd process, bytes. */
  rssBytes: number
  /** V8's used heap of the Worker's isolate, bytes, if the inspector answered. */
  heapUsedBytes?: number
}

/** One engine's soak. */
export type SoakResult = {
  engine: string
  paragraphs: number
  seconds: number
  connections: number
  queries: number
  requests: { total: number; perSecond: number; errors: number; timeouts: number; non2xx: number; statusCodes: Record<string, number> }
  /** Latency from the client, ms (autocannon's histogram). */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number }
  samples: MemorySample[]
  /** RSS and heap over the load, and from `warmupSeconds` on. */
  rss: { load: CurveSummary; afterWarmup: CurveSummary }
  heap: { load: CurveSummary; afterWarmup: CurveSummary } | null
  warmupSeconds: number
}

/** The pid of the `workerd` in the process group `group` (wrangler's), or null. */
export function workerdPid(group: number): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (comm === 'workerd' && Number(fields[2]) === group) return Number(name)
    } catch {
      // the process ended while we looked
    }
  }
  return null
}

/** `VmRSS` of a process, bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS`)
  return Number(match[1]) * 1024
}

/** A client of the Worker's inspector that asks V8 for the isolate's used heap. */
async function heapProbe(server: DevServer): Promise<{ usedHeap(): Promise<number | undefined>; close(): void } | null> {
  try {
    const targets = (await (await fetch(`http://127.0.0.1:${server.inspectorPort}/json`)).json()) as { webSocketDebuggerUrl?: string }[]
    const address = targets.find((target) => target.webSocketDebuggerUrl)?.webSocketDebuggerUrl
    if (!address) return null
    // wrangler's inspector proxy accepts DevTools connections from its own origins only; Node's
    // WebSocket (undici) takes headers in its second argument, which the DOM's type does not know.
    const init = { headers: { Origin: 'https://devtools.devprod.cloudflare.dev' } }
    const socket = new WebSocket(address, init as unknown as string[])
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true })
      socket.addEventListener('error', () => reject(new Error('inspector connection failed')), { once: true })
      setTimeout(() => reject(new Error('inspector connection timed out')), 5000)
    })
    let nextId = 1
    const waiting = new Map<number, (result: Record<string, unknown> | undefined) => void>()
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> }
      if (message.id !== undefined) waiting.get(message.id)?.(message.result)
      waiting.delete(message.id!)
    })
    return {
      usedHeap: () =>
        new Promise((resolve) => {
          const id = nextId++
          const timer = setTimeout(() => (waiting.delete(id), resolve(undefined)), 1000)
          waiting.set(id, (result) => (clearTimeout(timer), resolve(typeof result?.['usedSize'] === 'number' ? (result['usedSize'] as number) : undefined)))
          socket.send(JSON.stringify({ id, method: 'Runtime.getHeapUsage' }))
        }),
      close: () => socket.close(),
    }
  } catch {
    return null
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs one soak.
 *
 * @param options.args - `wrangler dev` arguments for the built copy (`--config …`, `--persist-to …`).
 * @param options.readyPath - A static asset the copy serves, polled for readiness.
 * @param options.queries - The query mix, sent in turn on `/api/search`.
 * @param options.seconds - Duration of the load (10–1800).
 * @param options.sampleSeconds - Time between memory samples. Default 5.
 * @param options.warmupSeconds - The start of the load the "after warm-up" summary leaves out. Default 60.
 * @throws If wrangler does not start, or no workerd process is found in its group.
 */
export async function runSoak(options: {
  engine: string
  paragraphs: number
  args: string[]
  readyPath: string
  queries: readonly string[]
  seconds: number
  connections: number
  sampleSeconds?: number
  warmupSeconds?: number
  log: (line: string) => void
}): Promise<SoakResult> {
  const { engine, queries, connections, log } = options
  const seconds = Math.min(1800, Math.max(10, Math.round(options.seconds)))
  const sampleSeconds = options.sampleSeconds ?? 5
  const warmupSeconds = Math.min(options.warmupSeconds ?? 60, Math.floor(seconds / 2))
  const server = await startDevServer({ args: options.args, readyPath: options.readyPath, timeoutMs: 180_000 })
  let probe: Awaited<ReturnType<typeof heapProbe>> = null
  try {
    const pid = workerdPid(server.pid)
    if (pid === null) throw new Error(`no workerd process in wrangler's process group ${server.pid}`)
    // Warm-up: the first requests load the index (MiniSearch) or the shell (D1).
    for (const q of queries.slice(0, 10)) await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`)).arrayBuffer()
    probe = await heapProbe(server)
    log(`[soak ${engine}] workerd pid ${pid}; isolate heap ${probe ? 'from the inspector' : 'not available'}; ${seconds} s of load, ${connections} connections`)
    const samples: MemorySample[] = []
    let loadStart = performance.now()
    const sample = async (phase: MemorySample['phase']) => {
      const heap = await probe?.usedHeap()
      samples.push({ seconds: (performance.now() - loadStart) / 1000, phase, rssBytes: rssBytes(pid), ...(heap === undefined ? {} : { heapUsedBytes: heap }) })
    }
    loadStart = performance.now() + 2 * sampleSeconds * 1000
    await sample('before')
    await sleep(sampleSeconds * 1000)
    await sample('before')
    await sleep(Math.max(0, loadStart - performance.now()))

    const instance = autocannon({
      url: server.url,
      connections,
      duration: seconds,
      timeout: 30,
      requests: queries.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}` })),
    })
    let sampling = true
    const sampler = (async () => {
      let lastLog = 0
      while (sampling) {
        await sample('load')
        const now = samples.at(-1)!.seconds
        if (now - lastLog >= 60) {
          lastLog = now
          log(`[soak ${engine}] ${now.toFixed(0)} s: workerd RSS ${(samples.at(-1)!.rssBytes / 1048576).toFixed(1)} MiB`)
        }
        await sleep(sampleSeconds * 1000)
      }
    })()
    const guard = setTimeout(() => instance.stop(), (seconds + 60) * 1000)
    let result: Awaited<typeof instance>
    try {
      result = await instance
    } finally {
      clearTimeout(guard)
      sampling = false
      await sampler
    }
    for (let i = 0; i < 3; i++) {
      await sleep(sampleSeconds * 1000)
      await sample('after')
    }

    const curve = (pick: (s: MemorySample) => number | undefined, from: number): CurveSummary =>
      summariseCurve(
        samples.filter((s) => s.phase === 'load' && pick(s) !== undefined).map((s): CurvePoint => ({ seconds: s.seconds, value: pick(s)! })),
        from
      )
    const hasHeap = samples.some((s) => s.heapUsedBytes !== undefined)
    const statusCodes: Record<string, number> = {}
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count
    return {
      engine,
      paragraphs: options.paragraphs,
      seconds,
      connections,
      queries: queries.length,
      requests: { total: result.requests.total, perSecond: result.requests.average, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statusCodes },
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
      samples,
      rss: { load: curve((s) => s.rssBytes, 0), afterWarmup: curve((s) => s.rssBytes, warmupSeconds) },
      heap: hasHeap ? { load: curve((s) => s.heapUsedBytes, 0), afterWarmup: curve((s) => s.heapUsedBytes, warmupSeconds) } : null,
      warmupSeconds,
    }
  } finally {
    probe?.close()
    await server.stop()
  }
}

/** The soaks as Markdown: load and latency, the memory summary, and the curve every 30 s. */
export function soakReport(results: readonly SoakResult[]): string {
  const mib = (bytes: number) => (Number.isNaN(bytes) ? '–' : (bytes / 1048576).toFixed(1))
  const slope = (bytes: number) => (Number.isNaN(bytes) ? '–' : `${bytes >= 0 ? '+' : ''}${(bytes / 1048576).toFixed(2)}`)
  const curveCells = (c: CurveSummary) => `${mib(c.start)} / ${mib(c.min)} / ${mib(c.max)} / ${mib(c.end)} | ${slope(c.slopePerMinute)}`
  const lines = [
    '| engine | paragraphs | seconds | connections | requests | req/s | errors + timeouts | non-2xx | status codes | p50 / p90 / p99 / max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...results.map((r) => {
      const codes = Object.entries(r.requests.statusCodes).map(([code, count]) => `${code}: ${count}`).join(', ')
      return `| ${r.engine} | ${r.paragraphs} | ${r.seconds} | ${r.connections} | ${r.requests.total} | ${r.requests.perSecond.toFixed(0)} | ${r.requests.errors + r.requests.timeouts} | ${r.requests.non2xx} | ${codes} | ${r.latencyMs.p50} / ${r.latencyMs.p90} / ${r.latencyMs.p99} / ${r.latencyMs.max} |`
    }),
    '',
    '| engine | memory | over | start / min / max / end MiB | slope MiB per minute |',
    '| --- | --- | --- | ---: | ---: |',
    ...results.flatMap((r) => [
      `| ${r.engine} | workerd RSS | whole load | ${curveCells(r.rss.load)} |`,
      `| ${r.engine} | workerd RSS | from ${r.warmupSeconds} s | ${curveCells(r.rss.afterWarmup)} |`,
      ...(r.heap
        ? [`| ${r.engine} | isolate heap used | whole load | ${curveCells(r.heap.load)} |`, `| ${r.engine} | isolate heap used | from ${r.warmupSeconds} s | ${curveCells(r.heap.afterWarmup)} |`]
        : [`| ${r.engine} | isolate heap used | – | not available from the inspector | – |`]),
    ]),
  ]
  for (const r of results) {
    const before = r.samples.filter((s) => s.phase === 'before').at(-1)
    const after = r.samples.filter((s) => s.phase === 'after').at(-1)
    const load = r.samples.filter((s) => s.phase === 'load')
    const points = thinCurve(load.map((s) => ({ seconds: s.seconds, value: s.rssBytes })), 30)
    const heapAt = (seconds: number) => load.find((s) => s.seconds === seconds)?.heapUsedBytes
    lines.push(
      '',
      `${r.engine}, every 30 s (s: RSS MiB${r.heap ? ' / heap MiB' : ''}): ` +
        [
          before ? `before: ${mib(before.rssBytes)}${before.heapUsedBytes === undefined ? '' : ` / ${mib(before.heapUsedBytes)}`}` : '',
          ...points.map((p) => {
            const heap = heapAt(p.seconds)
            return `${p.seconds.toFixed(0)}: ${mib(p.value)}${heap === undefined ? '' : ` / ${mib(heap)}`}`
          }),
          after ? `after: ${mib(after.rssBytes)}${after.heapUsedBytes === undefined ? '' : ` / ${mib(after.heapUsedBytes)}`}` : '',
        ]
          .filter(Boolean)
          .join(', ')
    )
  }
  return lines.join('\n')
}
