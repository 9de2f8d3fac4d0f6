/** 好差评、差评整改与统计的文字。英文版 en.ts 的键必须与此完全一致。 */
export default {
  form: {
    heading: '对本次服务进行评价',
    lead: '办件已办结，欢迎您评价本次服务。每个办件只能评价一次。',
    levels: '满意程度',
    reasons: '主要原因（可多选）',
    comment: '意见或建议（选填）',
    commentHint: '最多{max}个字，当前{n}个字',
    submit: '提交评价',
    saving: '正在保存…',
    pickLevel: '请先选择满意程度',
    tooLong: '意见或建议最多{max}个字',
    conflict: '该办件暂时不能评价：可能已经评价过，或尚未办结。',
    failed: '评价未能保存，请重试；如仍不成功请到窗口咨询。',
    full: '本机存储空间已满，评价未能保存，请到窗口咨询。',
    thanks: '感谢您的评价！',
    lowNotice: '我们已将您的意见转交责任部门负责人整改，将于{date}前给出书面答复，届时可在此查询。',
  },
  result: {
    heading: '服务评价',
    given: '您的评价：{level}',
    rectification: '差评整改',
    rectificationOpen: '整改中，责任部门负责人将于{date}前答复',
    rectificationClosed: '已整改（{date}答复）',
    response: '整改答复',
  },
}
