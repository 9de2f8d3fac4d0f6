import type { Catalog } from './schema'
import { APPEAL_CATEGORIES } from './content/appeals'
import { BUNDLES } from './content/bundles'
import { DATA_ITEMS } from './content/data-services'
import { DEPARTMENTS } from './content/departments'
import { DOMAINS } from './content/domains'
import { EMPLOYMENT_ITEMS } from './content/employment'
import { FINANCE_ITEMS } from './content/finance'
import { INNOVATION_ITEMS } from './content/innovation'
import { LEGAL_ITEMS } from './content/legal'
import { OPENNESS_ITEMS } from './content/openness'
import { POLICY_ITEMS } from './content/policy'
import { PROJECT_ITEMS } from './content/project'
import { TALENT_ITEMS } from './content/talent'

/** The catalog a kiosk ships with; a newer version arrives by sync. */
export const BUILTIN_CATALOG: Catalog = {
  version: '2026.11.29',
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
