import { ensurePgliteTemplate, PGLITE_TEMPLATE_ENV } from './pglite-template'

/** Once per vitest run: the migrated PGlite template every test file copies (see pglite-template.ts). */
export default async function setup(): Promise<void> {
  // Test files run in worker processes started after this, with this environment.
  process.env[PGLITE_TEMPLATE_ENV] = await ensurePgliteTemplate()
}
