/**
 * @module
 * Preloaded into a benchmarked child process (`node --import`): when the process exits, writes
 * its peak resident set size in bytes to the file named by `BENCH_MAX_RSS_FILE`.
 */
import { writeFileSync } from 'node:fs'

const file = process.env['BENCH_MAX_RSS_FILE']
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
