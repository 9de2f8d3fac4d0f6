import type { CatalogCache } from './catalogs'
import type { Storage } from './storage/types'

/** What every route needs; made once per platform instance. */
export interface PlatformContext {
  storage: Storage
  catalogs: CatalogCache
  now: () => Date
  /** Bearer token of the IT administrator; administration is off when undefined. */
  adminToken?: string
}
