import type { AppealCategory } from '../schema'
import { t } from './build'

const category = (id: string, zh: string, en: string, departmentId: string, timeLimitDays: number): AppealCategory => ({
  id,
  name: t(zh, en),
  departmentId,
  timeLimitDays,
})

/** 涉企问题: each kind of problem has a lead department and its own closing deadline. */
export const APPEAL_CATEGORIES: AppealCategory[] = [
  category('policy-fulfilment', '政策兑现', 'Support not paid out as promised', 'ndrc', 10),
  category('approval-blockage', '审批堵点', 'Blocked or slow approvals', 'service-center', 5),
  category('financing', '融资难题', 'Difficulty getting financing', 'finance-regulation', 10),
  category('labor', '用工问题', 'Hiring and staffing problems', 'hrss', 10),
  category('ip-protection', '知识产权保护', 'Intellectual property infringement', 'ipr-center', 15),
  category('enforcement', '涉企执法', 'Law enforcement affecting the company', 'justice', 10),
  category('overdue-payments', '拖欠账款', 'Overdue payments owed to the company', 'economy', 20),
  category('utilities', '水电气网要素保障', 'Water, power, gas and network supply', 'economy', 7),
  category('other', '其他问题', 'Other problems', 'service-center', 10),
]
