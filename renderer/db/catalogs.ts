import type { Catalog } from '../../shared/index'
import type { KioskDb } from './kiosk-db'

/** Catalog versions are YYYY.MM.DD with an optional -n revision; compare them as numbers, not text. */
export function compareCatalogVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).map(Number)
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The newest catalog sync has stored, if any. */
export async function newestCatalog(db: KioskDb): Promise<Catalog | undefined> {
  const versions = await db.catalogs.toCollection().primaryKeys()
  const newest = versions.sort(compareCatalogVersions).at(-1)
  return newest ? (await db.catalogs.get(newest))?.catalog : undefined
}
