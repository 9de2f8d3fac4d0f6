import { sha256 } from '../canonical'
import type { Center, Storage } from '../storage/types'
import { demoStaff } from './staff'

export interface DemoSecrets {
  /** Multi-use enrollment codes of lobby kiosks, by center code. */
  enrollCodes: Record<'HZ01' | 'QZ01', string>
  /** HZ01's multi-use enrollment code of counter PCs (assisted mode). */
  counterCode: string
  /** Back-office tokens of each center's coordinating department, by center code. */
  officeTokens: Record<'HZ01' | 'QZ01', string>
}

export const DEMO_DEFAULTS: DemoSecrets = {
  enrollCodes: { HZ01: 'DEMO2026', QZ01: 'QUZHOU2026' },
  counterCode: 'COUNTER2026',
  officeTokens: { HZ01: 'demo-office-token-hz01', QZ01: 'demo-office-token-qz01' },
}

export const DEMO_CENTERS: Record<'HZ01' | 'QZ01', Center & { city: string }> = {
  HZ01: {
    id: 'zj-hangzhou-01',
    code: 'HZ01',
    name: { zh: '杭州市企业综合服务中心（演示）', en: 'Hangzhou Enterprise Service Center (demo)' },
    city: '杭州',
  },
  QZ01: {
    id: 'zj-quzhou-01',
    code: 'QZ01',
    name: { zh: '衢州市企业综合服务中心（演示）', en: 'Quzhou Enterprise Service Center (demo)' },
    city: '衢州',
  },
}

const DEMO_CODE_USES = 1000
const COORDINATOR = 'service-center'

const DEMO_CENTER_IDS = Object.values(DEMO_CENTERS).map((c) => c.id)
const KEYS = ['HZ01', 'QZ01'] as const

/**
 * Two demo centers with enrollment codes, staff and a back-office token each. Safe to run at every
 * start. Demo codes and tokens given earlier with other values stop working: only the current ones do.
 */
export async function seedDemo(storage: Storage, secrets: DemoSecrets, at: Date): Promise<void> {
  const catalog = await storage.currentCatalog()
  if (!catalog) throw new Error('publish the catalog before seeding the demo centers')
  const coordinator = catalog.departments.find((d) => d.id === COORDINATOR) ?? catalog.departments[0]!
  for (const key of KEYS) {
    const { city, ...center } = DEMO_CENTERS[key]
    await storage.upsertCenter(center, at)
    await storage.addEnrollCode({ codeHash: sha256(secrets.enrollCodes[key]), centerId: center.id, maxUses: DEMO_CODE_USES }, at)
    if (key === 'HZ01') {
      await storage.addEnrollCode({ codeHash: sha256(secrets.counterCode), centerId: center.id, maxUses: DEMO_CODE_USES, mode: 'counter' }, at)
    }
    await storage.publishStaff(center.id, demoStaff(center.code, catalog), at)
    await storage.putOfficeToken(
      sha256(secrets.officeTokens[key]),
      { centerId: center.id, departmentId: coordinator.id, name: `${city}${coordinator.name.zh}`.slice(0, 50) },
      at,
    )
  }
  await storage.pruneCenterCredentials(
    DEMO_CENTER_IDS,
    {
      codeHashes: [...KEYS.map((k) => sha256(secrets.enrollCodes[k])), sha256(secrets.counterCode)],
      tokenHashes: KEYS.map((k) => sha256(secrets.officeTokens[k])),
      keepDevices: true,
    },
    at,
  )
}

/**
 * With the demo seed off, nothing of a demo center authenticates any more: its enrollment codes and
 * back-office tokens are deleted and its devices revoked (a platform that once ran with the seed
 * on, as it used to by default, must not keep public demo credentials). Its requests are kept.
 */
export async function disableDemo(storage: Storage, at: Date): Promise<{ codes: number; tokens: number; devices: number }> {
  return storage.pruneCenterCredentials(DEMO_CENTER_IDS, { codeHashes: [], tokenHashes: [], keepDevices: false }, at)
}
