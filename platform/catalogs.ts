import type { Catalog } from '../shared/catalog/schema'
import type { Storage } from './storage/types'

/** Catalog versions never change once published, so each is read from the database once. */
export class CatalogCache {
  private readonly byVersion = new Map<string, Catalog>()

  constructor(private readonly storage: Storage) {}

  async get(version: string): Promise<Catalog | undefined> {
    const cached = this.byVersion.get(version)
    if (cached) return cached
    const catalog = await this.storage.getCatalog(version)
    if (catalog) this.byVersion.set(version, catalog)
    return catalog
  }

  async current(): Promise<Catalog | undefined> {
    const catalog = await this.storage.currentCatalog()
    if (catalog) this.byVersion.set(catalog.version, catalog)
    return catalog
  }
}
