/**
 * The {@link CorpusError} a call throws, for tests that check its file and reason; any other error
 * is thrown on, and a call that throws nothing fails the test.
 */
import { CorpusError } from '../../src/core/corpus.ts'

/** The CorpusError `run` throws. */
export function corpusErrorOf(run: () => unknown): CorpusError {
  try {
    run()
  } catch (error) {
    if (error instanceof CorpusError) return error
    throw error
  }
  throw new Error('expected a CorpusError')
}

/** The CorpusError the promise of `run` rejects with. */
export async function corpusErrorOfAsync(run: () => Promise<unknown>): Promise<CorpusError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof CorpusError) return error
    throw error
  }
  throw new Error('expected a CorpusError')
}
