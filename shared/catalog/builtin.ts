import type { Catalog } from './schema'
import { APPEAL_CATEGORIES } from './data/appeals'
import { BUNDLES } from './data/bundles'
import { DATA_ITEMS } from './data/data-services'
import { DEPARTMENTS } from './data/departments'
import { DOMAINS } from './data/domains'
import { EMPLOYMENT_ITEMS } from './data/employment'
import { FINANCE_ITEMS } from './data/finance'
import { INNOVATION_ITEMS } from './data/innovation'
import { LEGAL_ITEMS } from './data/legal'
import { OPENNESS_ITEMS } from './data/openness'
import { POLICY_ITEMS } from './data/policy'
import { PROJECT_ITEMS } from './data/project'
import { TALENT_ITEMS } from './data/talent'

/** The catalog a kiosk ships with; a newer version arrives by sync. */
export const BUILTIN_CATALOG: Catalog = {
  version: '2026.11.28',
  domains: DOMAINS,
  departments: DEPARTMENTS,
  items: [
    ...PROJECT_ITEMS,
    ...POLICY_ITEMS,
    ...FINANCE_ITEMS,
    ...TALENT_ITEMS,
    ...EMPLOYMENT_ITEMS,
    ...LEGAL_ITEMS,
    ...INNOVATION_ITEMS,
    ...OPENNESS_ITEMS,
    ...DATA_ITEMS,
  ],
  bundles: BUNDLES,
  appealCategories: APPEAL_CATEGORIES,
}
