/**
 * @module
 * Runs a command for the benchmarks and collects what it prints: one definition for the bench,
 * the D1 bench and the peers.
 */
import { spawn } from 'node:child_process'
import { ROOT } from '../paths.ts'

/** Options of {@link runCommand}. */
export type RunOptions = {
  /** Working folder (default: the project root). */
  cwd?: string
  /** Environment (default: this process's, with wrangler's metrics off). */
  env?: NodeJS.ProcessEnv
  /** Milliseconds before the command is killed (default 30 minutes). */
  timeoutMs?: number
}

/**
 * Runs a command, collecting its standard output and error together.
 *
 * @returns What it printed.
 * @throws Error naming the command, its exit code or signal and the last 2,000 characters it printed, when it fails or times out.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(out)
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${out.slice(-2000)}`))
    })
  })
}
