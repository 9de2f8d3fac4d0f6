import pg from 'pg'
import type { Sql, SqlRunner } from './sql'

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, [...params])).rows as T[]
    },
    async exec(text: string) {
      await client.query(text)
    },
  }
}

/** A PostgreSQL server through a `pg` pool; each transaction holds one pooled connection. */
export async function openPostgres(connectionString: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined)
  // Fail at start-up, not at the first request, when the server cannot be reached.
  await pool.query('SELECT 1')
  return {
    ...runner(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(runner(client))
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
