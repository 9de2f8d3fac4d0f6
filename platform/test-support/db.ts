import { publishBuiltins } from '../seed/builtins'
import { DEMO_DEFAULTS, seedDemo } from '../seed/demo'
import type { SqlStorage } from '../storage/sql-storage'

const TABLES = ['changes', 'events', 'requests', 'staff_lists', 'staff_members', 'calendars', 'catalogs', 'office_tokens', 'enroll_codes', 'devices', 'centers']

/** Empties every table and seeds the demo centers again: each test starts from the same platform. */
export async function resetDatabase(storage: SqlStorage, at = new Date()): Promise<void> {
  await storage.sql.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
  await publishBuiltins(storage, at)
  await seedDemo(storage, DEMO_DEFAULTS, at)
}
