import { ensurePgliteTemplate, PGLITE_TEMPLATE_ENV } from '../../platform/test-support/pglite-template'

/** Once per Playwright run: the platform process of each worker starts on a copy of this database. */
export default async function globalSetup(): Promise<void> {
  process.env[PGLITE_TEMPLATE_ENV] = await ensurePgliteTemplate()
}
