import { type Check, fail, pass } from '../result'

/** GB 32100-2015 character set: digits and capitals without I, O, Z, S, V (31 characters). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const FORBIDDEN_LETTERS = /[IOZSV]/
/** Weight of position i is 3^i mod 31. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

/** The check character (18th) for the first 17 characters of a code already in the charset. */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!
}

/** 统一社会信用代码: upper-cased, spaces removed, charset and check character verified. */
export function validateUscc(input: string): Check<string> {
  const code = input.replace(/\s+/g, '').toUpperCase()
  if (code.length === 0) {
    return fail('uscc.empty', '请输入统一社会信用代码', 'Please enter the unified social credit code')
  }
  if (code.length !== 18) {
    return fail(
      'uscc.length',
      `统一社会信用代码应为18位，当前为${code.length}位`,
      `The unified social credit code has 18 characters; this one has ${code.length}`,
    )
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i]!
    if (FORBIDDEN_LETTERS.test(ch)) {
      return fail(
        'uscc.forbiddenLetter',
        `统一社会信用代码不使用字母${ch}（第${i + 1}位），请核对是否为数字${ch === 'O' ? '0' : ch === 'I' ? '1' : ch === 'Z' ? '2' : ch === 'S' ? '5' : '或其他字母'}`,
        `Unified social credit codes never use the letter ${ch} (position ${i + 1})`,
      )
    }
    if (!USCC_CHARSET.includes(ch)) {
      return fail(
        'uscc.illegalChar',
        `统一社会信用代码第${i + 1}位“${ch}”不是有效字符`,
        `Character ${i + 1} ("${ch}") is not allowed in a unified social credit code`,
      )
    }
  }
  const expected = usccCheckChar(code.slice(0, 17))
  if (code[17] !== expected) {
    return fail(
      'uscc.checkChar',
      '统一社会信用代码第18位校验码不正确，请核对后重新输入',
      'The 18th character (check character) is wrong; please check the code',
    )
  }
  return pass(code)
}
