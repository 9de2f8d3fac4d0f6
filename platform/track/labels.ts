import type { LocalizedText } from '../../shared/i18n-text'
import type { EventType } from '../../shared/events'
import type { RequestStatus } from '../../shared/reducer'

/** Words of the public tracking page, which is served as HTML without the kiosk's i18n bundle. */
export const STATUS_LABELS: Record<RequestStatus, LocalizedText> = {
  submitted: { zh: '已提交，待受理', en: 'Submitted, awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '办理中（已指派）', en: 'In progress (assigned)' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
}

export const EVENT_LABELS: Record<EventType, LocalizedText> = {
  submitted: { zh: '提交申请', en: 'Submitted' },
  accepted: { zh: '受理', en: 'Accepted' },
  assigned: { zh: '指派责任人', en: 'Assigned' },
  escalated: { zh: '升级督办', en: 'Escalated' },
  noted: { zh: '办理备注', en: 'Note added' },
  resolved: { zh: '办结', en: 'Resolved' },
  closed: { zh: '关闭', en: 'Closed' },
  rated: { zh: '评价', en: 'Rated' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
}
