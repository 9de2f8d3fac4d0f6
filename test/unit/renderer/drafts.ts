import type { IntakeDraft } from '../../../renderer/db/submit'

export const ENROLLMENT = {
  centerId: 'center-hz01',
  deviceId: 'device-k01',
  centerCode: 'HZ01',
  kioskCode: 'K01',
}

/** A problem report (涉企问题): the shortest valid intake. */
export function appealDraft(n = 1): IntakeDraft {
  return {
    channel: 'kiosk',
    kind: 'appeal',
    itemIds: [],
    appeal: { categoryId: 'financing', description: `融资需求说明 ${n}`, desiredOutcome: '希望对接合作银行' },
    enterprise: { uscc: '91330100MA27XL0Q3X', name: '杭州示例科技有限公司' },
    contact: { name: '王小明', mobile: '13800138000' },
    answers: {},
    materials: {},
    locale: 'zh-CN',
    consentAt: '2026-11-28T01:00:00.000Z',
  }
}

/** An application for one service with its questions answered. */
export function consultationDraft(): IntakeDraft {
  return {
    ...appealDraft(),
    kind: 'application',
    appeal: undefined,
    itemIds: ['legal-consultation'],
    answers: { legalTopic: 'contract', legalQuestion: '合同违约如何处理', prefersOnsite: true },
  }
}
