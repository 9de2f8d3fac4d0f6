import { pruneAnswers } from '../../shared/catalog/conditions'
import type { MergedForm } from '../../shared/catalog/bundle'
import { validateMobile, type Channel, type Locale } from '../../shared/index'
import type { IntakeDraft } from './requests'
import type { VisitDraft } from './visit'

/**
 * What the visit hands to the requests store (`channel` 'counter' for an assisted intake): normalised contact fields, only the answers still shown
 * and only the documents of the items chosen. The store runs the intake rules on it.
 */
export function toIntakeDraft(draft: VisitDraft, merged: MergedForm | null, locale: Locale, consentAt: string, channel: Channel = 'kiosk'): IntakeDraft {
  const mobile = validateMobile(draft.contact.mobile)
  const common = {
    channel,
    enterprise: { uscc: draft.enterprise.uscc.replace(/\s+/g, '').toUpperCase(), name: draft.enterprise.name.trim() },
    contact: { name: draft.contact.name.trim(), mobile: mobile.ok ? mobile.value : draft.contact.mobile },
    locale,
    consentAt,
  }
  if (draft.kind === 'appeal') {
    const tried = draft.appeal.triedDepartment.trim()
    return {
      ...common,
      kind: 'appeal',
      itemIds: [],
      answers: {},
      materials: {},
      appeal: {
        categoryId: draft.appeal.categoryId,
        description: draft.appeal.description.trim(),
        desiredOutcome: draft.appeal.desiredOutcome.trim(),
        ...(tried ? { triedDepartment: tried } : {}),
      },
    }
  }
  const materialIds = new Set((merged?.materials ?? []).map((m) => m.id))
  return {
    ...common,
    kind: 'application',
    ...(draft.source?.type === 'bundle' ? { bundleId: draft.source.bundleId } : {}),
    itemIds: [...draft.itemIds],
    answers: pruneAnswers(merged?.questions ?? [], draft.answers),
    materials: Object.fromEntries(Object.entries(draft.materials).filter(([id]) => materialIds.has(id))),
  }
}
