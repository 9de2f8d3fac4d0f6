import { type Check, fail, pass } from '../result'

/** The Luhn (mod 10) check that bank card numbers carry in their last digit (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * A bank card number (银行卡号) for payments to a person: 16 to 19 digits with a Luhn check digit,
 * as UnionPay cards have. Spaces and dashes that group the digits are removed.
 */
export function validateBankCard(input: string): Check<string> {
  const n = input.replace(/[\s-]+/g, '')
  if (n.length === 0) return fail('bankCard.empty', '请输入银行卡号', 'Please enter the bank card number')
  if (!/^\d+$/.test(n)) return fail('bankCard.format', '银行卡号只能包含数字', 'A bank card number contains digits only')
  if (n.length < 16 || n.length > 19) {
    return fail(
      'bankCard.length',
      `银行卡号应为16至19位，当前为${n.length}位`,
      `A bank card number has 16 to 19 digits; this one has ${n.length}`,
    )
  }
  if (!luhnValid(n)) {
    return fail('bankCard.checkDigit', '银行卡号有误（校验位不符），请核对卡面号码', 'This bank card number is wrong (its check digit does not match); please check the card')
  }
  return pass(n)
}
