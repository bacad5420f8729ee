/**
 * @module
 * Starts `wrangler dev` (the Worker in workerd) on a free loopback port, for the evaluation, the
 * benchmarks and the browser tests, and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ROOT } from './paths.ts'

/** A running `wrangler dev`. */
export type DevServer = {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** Process id of `wrangler`, leader of the process group its `workerd` runs in. */
  pid: number
  /** Loopback port of the inspector (Chrome DevTools protocol) wrangler proxies to the Worker. */
  inspectorPort: number
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>
}

/** A port the system says is free on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The project's Node (a dev dependency) if installed, else this one: wrangler needs a recent Node. */
function nodeBinary(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node')
  return existsSync(local) ? local : process.execPath
}

/**
 * The command that runs wrangler with the project's Node, whatever `node` is first on the PATH.
 *
 * @example
 * const [command, args] = wranglerCommand(['dev', '--port', '9000'])
 */
export function wranglerCommand(args: string[]): [command: string, args: string[]] {
  return [nodeBinary(), [join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args]]
}

/**
 * The environment of a scripted `wrangler dev`: no usage metrics, no interactive session, and no
 * local observability (`X_LOCAL_OBSERVABILITY=false`, unless `env` sets it). By default `wrangler
 * dev` streams every invocation's spans (each D1 call and its fetch, with the SQL text) to a
 * collector in the same workerd, which writes them to a SQLite trace store under
 * `.wrangler/state`. That is a developer's trace explorer, not part of the Worker as deployed
 * (`wrangler.toml` configures no tail consumer): a scripted run has no use for it, the benchmarks
 * would time it (BENCHMARKS.md, "wrangler's local tracing no longer timed"), and the D1 soaks'
 * copy of the project held 157 MB of traces. An empty value counts as unset (wrangler rejects it).
 *
 * @example
 * devServerEnv({ PATH: '/usr/bin' }).X_LOCAL_OBSERVABILITY // => 'false'
 */
export function devServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, WRANGLER_SEND_METRICS: 'false', CI: 'true', X_LOCAL_OBSERVABILITY: env.X_LOCAL_OBSERVABILITY || 'false' }
}

/**
 * Starts `wrangler dev` (see {@link devServerEnv}) and waits until `/api/health` answers.
 *
 * @param options.port - Port to listen on; a free one by default.
 * @param options.timeoutMs - How long to wait for it to be ready. Default 60 s.
 * @param options.args - More arguments for `wrangler dev` (e.g. `['--config', path]`).
 * @param options.readyPath - Path polled instead of `/api/health`; any answer but a 5xx counts as
 *   ready, so a benchmark can wait for a Worker without sending it its first real request.
 */
export async function startDevServer(options: { port?: number; timeoutMs?: number; args?: string[]; readyPath?: string } = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const inspectorPort = await freePort()
  const [command, args] = wranglerCommand(['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--log-level', 'warn', ...(options.args ?? [])])
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: devServerEnv(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM') // the whole group: wrangler and its workerd
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    }
  }

  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}:\n${output}`)
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/api/health'}`)
      await response.arrayBuffer()
      if (options.readyPath === undefined ? response.ok : response.status < 500) return { url, pid: child.pid!, inspectorPort, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`wrangler dev did not answer on ${url} within ${options.timeoutMs ?? 60_000} ms:\n${output}`)
}
