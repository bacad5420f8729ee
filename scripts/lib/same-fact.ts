/**
 * @module
 * Measures "also reported by" against labelled pairs of paragraphs: recall@3 of the pairs that
 * report one fact, precision of the links among labelled paragraphs.
 */

/** A labelled set: pairs that report the same fact, non-pairs that do not; paragraphs named by a text they contain. */
export type SameFactLabels = {
  /** How the set was labelled. */
  about?: string
  pairs: { a: string; b: string; fact?: string }[]
  nonPairs: { a: string; b: string; why?: string }[]
}

/** One side of a labelled pair as files may give it: the text, or `{ contains }`. */
type Side = string | { contains: string }
/** A labelled pair as files may give it: `{ a, b }` or `[a, b]`. */
type LooseLabel = { a: Side; b: Side; fact?: string; why?: string } | [Side, Side]

/**
 * Reads a labelled set as a file gives it: pairs as `{ a, b }` or `[a, b]`, each side a text or
 * `{ contains }`, non-pairs optional (`nonPairs` or `non_pairs`).
 *
 * @throws Error naming what is missing.
 */
export function parseSameFactLabels(value: unknown): SameFactLabels {
  const record = (value ?? {}) as { about?: string; pairs?: LooseLabel[]; nonPairs?: LooseLabel[]; non_pairs?: LooseLabel[] }
  if (!Array.isArray(record.pairs)) throw new Error('a labelled set needs "pairs": [{ "a": text, "b": text }, …]')
  const side = (s: Side) => (typeof s === 'string' ? s : s.contains)
  const label = (entry: LooseLabel) => (Array.isArray(entry) ? { a: side(entry[0]), b: side(entry[1]) } : { ...entry, a: side(entry.a), b: side(entry.b) })
  return { ...(record.about ? { about: record.about } : {}), pairs: record.pairs.map(label), nonPairs: (record.nonPairs ?? record.non_pairs ?? []).map(label) }
}

/** A paragraph with its related paragraphs, best first, as the index stores them. */
export type LinkedParagraph = { id: string; sourceId: string; text: string; related: { id: string }[] }

/** The measures, and what went wrong. */
export type SameFactResult = {
  /** Partners found among the first `k` related, over partners findable there (at most `k` per paragraph). */
  recallAtK: number
  /** Links between labelled paragraphs that join a pair, over all such links (pairs and non-pairs). */
  precision: number
  k: number
  pairs: number
  nonPairs: number
  /** Directed pairs whose partner is not among the first `k` related. */
  missed: { from: string; to: string }[]
  /** Links that join a labelled non-pair. */
  wrongLinks: { from: string; to: string }[]
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Resolves a text to the one paragraph containing it.
 *
 * @throws Error when no paragraph or more than one contains it.
 */
export function paragraphContaining(paragraphs: readonly LinkedParagraph[], contains: string): LinkedParagraph {
  const found = paragraphs.filter((paragraph) => normalize(paragraph.text).includes(normalize(contains)))
  if (found.length !== 1) throw new Error(`${found.length === 0 ? 'no' : found.length} paragraphs contain "${contains}"; a label must name exactly one`)
  return found[0]!
}

/**
 * Scores related-paragraph lists against labels.
 *
 * @param paragraphs - Every paragraph of the index with its related list.
 * @param labels - The labelled pairs and non-pairs.
 * @param k - The cut-off (default 3, what "also reported by" shows).
 *
 * @example
 * measureSameFact(paragraphs, labels).recallAtK // => 0.9
 */
export function measureSameFact(paragraphs: readonly LinkedParagraph[], labels: SameFactLabels, k = 3): SameFactResult {
  const byId = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]))
  const partners = new Map<string, Set<string>>()
  const labelled = new Map<string, boolean>()
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`)
  for (const [list, isPair] of [[labels.pairs, true], [labels.nonPairs, false]] as const) {
    for (const { a, b } of list) {
      const [pa, pb] = [paragraphContaining(paragraphs, a), paragraphContaining(paragraphs, b)]
      if (pa.sourceId === pb.sourceId) throw new Error(`"${a}" and "${b}" are in the same source; labels join different sources`)
      labelled.set(key(pa.id, pb.id), isPair)
      if (!isPair) continue
      for (const [from, to] of [[pa, pb], [pb, pa]] as const) {
        if (!partners.has(from.id)) partners.set(from.id, new Set())
        partners.get(from.id)!.add(to.id)
      }
    }
  }
  let found = 0
  let findable = 0
  const missed: SameFactResult['missed'] = []
  for (const [id, expected] of partners) {
    const top = byId.get(id)!.related.slice(0, k).map((related) => related.id)
    const hits = top.filter((other) => expected.has(other)).length
    found += hits
    findable += Math.min(k, expected.size)
    if (hits < Math.min(k, expected.size)) for (const other of expected) if (!top.includes(other)) missed.push({ from: id, to: other })
  }
  let right = 0
  const wrongLinks: SameFactResult['wrongLinks'] = []
  for (const paragraph of paragraphs) {
    for (const { id } of paragraph.related.slice(0, k)) {
      const isPair = labelled.get(key(paragraph.id, id))
      if (isPair === true) right++
      else if (isPair === false) wrongLinks.push({ from: paragraph.id, to: id })
    }
  }
  return {
    recallAtK: findable === 0 ? 1 : found / findable,
    precision: right + wrongLinks.length === 0 ? 1 : right / (right + wrongLinks.length),
    k,
    pairs: labels.pairs.length,
    nonPairs: labels.nonPairs.length,
    missed,
    wrongLinks,
  }
}
