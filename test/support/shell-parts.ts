import { base64ToBytes } from '../../src/core/base64.ts'
import type { ShellParts } from '../../src/core/index-reader.ts'

/**
 * The shell's parts as the D1 tables keep them, taken from the statements `d1Content` writes
 * without compression: the JSON values as they are, the columns from their base64.
 */
export function shellPartsOf(fill: Iterable<string>): ShellParts {
  const parts: Record<string, string[]> = {}
  for (const statement of [...fill].filter((s) => s.startsWith('INSERT INTO ps_meta_'))) {
    for (const [, key, part, value] of statement.matchAll(/\('(\w+)', (\d+), '((?:[^']|'')*)'\)/g)) (parts[key!] ??= [])[Number(part)] = value!.replaceAll("''", "'")
  }
  const values = Object.fromEntries(Object.entries(parts).map(([key, values]) => [key, values.join('')]))
  return { ...values, columns: base64ToBytes(values['columns']!) } as ShellParts
}
