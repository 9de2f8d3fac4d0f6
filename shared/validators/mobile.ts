import { type Check, fail, pass } from '../result'

/** Mainland mobile number: 11 digits starting 13-19; spaces, dashes and a +86 prefix are removed. */
export function validateMobile(input: string): Check<string> {
  let n = input.replace(/[\s-]+/g, '')
  if (n.startsWith('+86')) n = n.slice(3)
  else if (n.startsWith('0086')) n = n.slice(4)
  else if (n.length === 13 && n.startsWith('86')) n = n.slice(2)
  if (n.length === 0) return fail('mobile.empty', '请输入手机号码', 'Please enter a mobile number')
  if (!/^\d+$/.test(n)) {
    return fail('mobile.format', '手机号码只能包含数字', 'A mobile number contains digits only')
  }
  if (n.length !== 11) {
    return fail(
      'mobile.length',
      `手机号码应为11位，当前为${n.length}位`,
      `A mobile number has 11 digits; this one has ${n.length}`,
    )
  }
  if (!/^1[3-9]/.test(n)) {
    return fail('mobile.prefix', '手机号码应以13至19开头', 'A mainland mobile number starts with 13 to 19')
  }
  return pass(n)
}
