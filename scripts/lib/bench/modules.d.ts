/** The index files, bundled as text modules into the bundled-index probe (see `probe-bundled.ts`). */
declare module '*/index/index.json' {
  const text: string
  export default text
}
declare module '*/index/manifest.json' {
  const text: string
  export default text
}
declare module '*/index/vocabulary.json' {
  const text: string
  export default text
}

/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; total: number }
  type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    requests?: { method?: string; path: string }[]
  }
  type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number; statusCodeStats?: Record<string, { count: number }> }
  /** The run: a promise of its result that can also be stopped early (autocannon's tracker). */
  function autocannon(options: Options): Promise<Result> & { stop(): void }
  export default autocannon
}
