/**
 * The little SQL both backends share: PGlite (in-process, for the reference platform and tests) and
 * PostgreSQL through `pg`. Queries use $1… placeholders; jsonb goes in as a JSON string, cast in SQL.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>
}

export interface Sql extends SqlRunner {
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>
  close(): Promise<void>
}
