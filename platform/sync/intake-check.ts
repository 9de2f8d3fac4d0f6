import { type IntakeError, validateIntake } from '../../shared/intake'
import type { ServiceRequest } from '../../shared/request'
import type { CalendarYear } from '../../shared/sync'
import type { CatalogCache } from '../catalogs'

const DEADLINE_FIELDS = new Set(['dueDate', 'dueDateProvisional'])

export function describeIntakeErrors(errors: readonly IntakeError[]): string {
  return errors.map((e) => `${e.field}: ${e.message} (${e.messageEn})`).join('; ')
}

/**
 * Why the platform refuses this intake, or undefined when it accepts it: the shared rules, against
 * the catalog version the kiosk used. The deadline may have been counted on any calendar the
 * platform served (an offline kiosk learns of a new one late), so those are tried before refusing.
 */
export async function intakeRejection(
  request: ServiceRequest,
  catalogs: CatalogCache,
  calendars: () => Promise<CalendarYear[][]>,
): Promise<string | undefined> {
  const catalog = await catalogs.get(request.catalogVersion)
  if (!catalog) return `catalogVersion: catalog version ${request.catalogVersion} was never published by this platform`
  const history = await calendars()
  const [current, ...older] = history
  const errors = validateIntake(catalog, request, current)
  if (errors.length === 0) return undefined
  if (errors.every((e) => DEADLINE_FIELDS.has(e.field))) {
    for (const calendar of older) if (validateIntake(catalog, request, calendar).length === 0) return undefined
  }
  return `invalid intake: ${describeIntakeErrors(errors)}`
}
