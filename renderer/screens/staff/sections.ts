import type { Component } from 'vue'
import type { DeviceMode, StaffRole } from '../../../shared/index'
import type { MessageKey } from '../../i18n/types'

/**
 * The staff area's sections, in the order the shell shows them. A section is one entry here: its
 * label, the roles that see it, and its screen (a chunk of its own, loaded when first opened).
 */
export interface StaffSection {
  id: string
  label: MessageKey
  roles: readonly StaffRole[]
  /** Only on devices in these modes (all when absent). */
  modes?: readonly DeviceMode[]
  load: () => Promise<Component | { default: Component }>
}

export const STAFF_SECTIONS: readonly StaffSection[] = [
  { id: 'worklist', label: 'staff.shell.section.worklist', roles: ['clerk', 'handler', 'lead'], load: () => import('./worklist/WorklistSection.vue') },
  // A lobby kiosk may not deliver staff-authored intakes (shared/authority.ts): counter PCs only.
  {
    id: 'intake',
    label: 'staff.shell.section.intake',
    roles: ['clerk', 'lead'],
    modes: ['counter'],
    load: () => import('./intake/IntakeSection.vue'),
  },
  // 统计: leads only (DESIGN.md); ECharts comes with this chunk, never with the visitor screens.
  { id: 'figures', label: 'rating.figures.title', roles: ['lead'], load: () => import('./figures/FiguresSection.vue') },
  { id: 'device', label: 'staff.shell.section.device', roles: ['clerk', 'handler', 'lead'], load: () => import('./device/DeviceSection.vue') },
]

/** The sections this role sees on this device, in order. */
export function sectionsFor(role: StaffRole, mode: DeviceMode): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => s.roles.includes(role) && (!s.modes || s.modes.includes(mode)))
}
