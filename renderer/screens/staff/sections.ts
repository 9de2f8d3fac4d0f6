import type { Component } from 'vue'
import type { StaffRole } from '../../../shared/index'
import type { MessageKey } from '../../i18n/types'

/**
 * The staff area's sections, in the order the shell shows them. A section is one entry here: its
 * label, the roles that see it, and its screen (a chunk of its own, loaded when first opened).
 */
export interface StaffSection {
  id: string
  label: MessageKey
  roles: readonly StaffRole[]
  load: () => Promise<Component | { default: Component }>
}

export const STAFF_SECTIONS: readonly StaffSection[] = [
  { id: 'worklist', label: 'staff.shell.section.worklist', roles: ['clerk', 'handler', 'lead'], load: () => import('./worklist/WorklistSection.vue') },
  // 统计: leads only (DESIGN.md); ECharts comes with this chunk, never with the visitor screens.
  { id: 'figures', label: 'rating.figures.title', roles: ['lead'], load: () => import('./figures/FiguresSection.vue') },
  { id: 'device', label: 'staff.shell.section.device', roles: ['clerk', 'handler', 'lead'], load: () => import('./device/DeviceSection.vue') },
]

/** The sections this role sees, in order. */
export function sectionsFor(role: StaffRole): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => s.roles.includes(role))
}
