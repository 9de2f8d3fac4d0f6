import { type Check, fail, pass } from '../result'

/**
 * A passport number as printed in the machine-readable zone (ICAO 9303): letters A–Z and digits,
 * 5 to 17 of them, at least one a digit. Chinese passports read like E12345678 or EA1234567.
 * Lower case is raised and spaces removed; anything else (Chinese characters, punctuation) is refused.
 */
export function validatePassport(input: string): Check<string> {
  const n = input.replace(/\s+/g, '').toUpperCase()
  if (n.length === 0) return fail('passport.empty', '请输入护照号码', 'Please enter the passport number')
  if (!/^[A-Z0-9]+$/.test(n)) {
    return fail('passport.format', '护照号码只能包含英文字母和数字', 'A passport number contains only letters and digits')
  }
  if (n.length < 5 || n.length > 17) {
    return fail('passport.length', `护照号码应为5至17位，当前为${n.length}位`, `A passport number has 5 to 17 characters; this one has ${n.length}`)
  }
  if (!/\d/.test(n)) return fail('passport.noDigit', '护照号码应包含数字，请核对护照资料页', 'A passport number contains digits; please check the data page')
  return pass(n)
}
