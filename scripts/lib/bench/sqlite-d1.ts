/**
 * @module
 * The few D1 calls the D1 engine makes (`prepare`, `bind`, `first`, `all`, `batch`), over
 * Node's own SQLite (`node:sqlite`, FTS5 compiled in): the D1 engine's code and SQL run
 * unchanged in a Node process, for the bench's side-by-side comparison with other engines.
 * The Worker itself is measured in workerd with the local D1 (`d1-bench.ts`).
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite'

type Bound = { statement: StatementSync; args: unknown[] }

/** A `D1Database` over a `node:sqlite` database: just what `d1-engine.ts` calls. */
export function sqliteAsD1(db: DatabaseSync): D1Database {
  const prepared = (sql: string, args: unknown[] = []): Bound & Record<string, unknown> => {
    const statement = db.prepare(sql)
    const self: Bound & Record<string, unknown> = {
      statement,
      args,
      bind: (...bound: unknown[]) => prepared(sql, bound),
      first: async () => (statement.get(...(args as [])) as unknown) ?? null,
      all: async () => ({ results: statement.all(...(args as [])), success: true, meta: {} }),
      run: async () => ({ results: [], success: true, meta: statement.run(...(args as [])) }),
    }
    return self
  }
  return {
    prepare: (sql: string) => prepared(sql),
    batch: async (statements: Bound[]) => statements.map(({ statement, args }) => ({ results: statement.all(...(args as [])), success: true, meta: {} })),
  } as unknown as D1Database
}

/** Opens (or creates) a SQLite file. */
export function openSqlite(path: string): DatabaseSync {
  return new DatabaseSync(path)
}
