import { z } from 'zod'
import { type Check, fail, pass } from './result'

/**
 * The one rule for text that people type or systems send, on the kiosk and on the platform alike.
 * PostgreSQL refuses NUL (jsonb) and unpaired surrogates (invalid UTF-8), and a single such character
 * used to fail a whole sync round with a 500; control characters also corrupt logs and printouts.
 * So text may hold no control character except newline and tab (in multi-line fields only), must be
 * well-formed UTF-16, and each field has a length limit.
 */

/** Lengths used across the schemas, in UTF-16 code units (what `String.length` counts). */
export const TEXT_LIMITS = {
  /** A person's or an organisation's name. */
  name: 100,
  /** A short single line: a department the enterprise tried, a device name. */
  line: 200,
  /** A paragraph: an appeal, a note, a resolution. */
  paragraph: 2000,
  /** Answers to a long-text question. */
  answer: 5000,
  /** Identifiers: center, device, department, item, question keys. */
  id: 64,
} as const

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROLS_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
// eslint-disable-next-line no-control-regex
export const CONTROLS_LINE = /[\u0000-\u001F\u007F-\u009F]/
/** Half of a surrogate pair without its other half: not well-formed UTF-16, refused by PostgreSQL. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** One line of plain text: no control character (line breaks included) and well-formed UTF-16. */
export function isPlainLine(text: string): boolean {
  return !CONTROLS_LINE.test(text) && !LONE_SURROGATE.test(text)
}

export interface TextRule {
  max: number
  min?: number
  /** Newline and tab allowed (a paragraph); single-line fields refuse them. */
  multiline?: boolean
  /** The field's name in messages a person reads. */
  label?: { zh: string; en: string }
}

/** What is wrong with `text` under the rule, or undefined; `what` names the field for the message. */
export function checkText(text: string, rule: TextRule): Check<string> {
  const { label } = rule
  const what = { zh: label?.zh ?? '内容', en: label ? `"${label.en}"` : 'The text' }
  if (LONE_SURROGATE.test(text)) {
    return fail('text.malformed', `“${what.zh}”含有无法识别的字符，请删除后重新输入`, `${what.en} contains a character that cannot be read; please retype it`)
  }
  if ((rule.multiline ? CONTROLS_MULTILINE : CONTROLS_LINE).test(text)) {
    return rule.multiline
      ? fail('text.control', `“${what.zh}”含有不可见的控制字符，请删除后重新输入`, `${what.en} contains an invisible control character; please retype it`)
      : fail('text.control', `“${what.zh}”只能填写一行，不能含有换行或控制字符`, `${what.en} must be one line without line breaks or control characters`)
  }
  if (text.length > rule.max) {
    return fail('text.tooLong', `“${what.zh}”最多${rule.max}个字，当前${text.length}个字`, `${what.en} allows ${rule.max} characters; this has ${text.length}`)
  }
  if (rule.min !== undefined && text.length < rule.min) {
    return rule.min <= 1
      ? fail('text.required', `请填写“${what.zh}”`, `Please fill in ${what.en}`)
      : fail('text.tooShort', `“${what.zh}”至少${rule.min}个字`, `${what.en} needs at least ${rule.min} characters`)
  }
  return pass(text)
}

/**
 * A zod string under the text rule, trimmed first. Every string field of a request, an event or an
 * API body is one of these (or an `Id`), so no schema lets such text through.
 */
export function Text(rule: TextRule) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const check = checkText(value, rule)
      // The localised message travels in params, for validateIntake to show the visitor.
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.messageEn, params: { code: check.code, message: check.message } })
    })
}

type Label = TextRule['label']

/** A single line of at most `max` characters, `min` after trimming (0 by default). */
export const Line = (max: number, min = 0, label?: Label) => Text({ max, min, label })
/** A paragraph of at most `max` characters: newlines and tabs allowed. */
export const Paragraph = (max: number, min = 0, label?: Label) => Text({ max, min, multiline: true, label })

/**
 * An identifier made by software (center, device, department, item, staff, question and option keys):
 * letters, digits and `. _ : -`, starting with a letter or digit, so it is safe in a path, a SQL
 * parameter, a log line and as an object key (never `__proto__`).
 */
export const Id = z
  .string()
  .min(1)
  .max(TEXT_LIMITS.id)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be an identifier of letters, digits and . _ : -')

/**
 * A person's name as staff or a department give it (an assignee): letters of any script with
 * spaces, the middle dot of minority names (买买提·艾力), apostrophes, hyphens and periods. Markup
 * characters are refused, so an HTML payload is never stored as a name; output is escaped as well.
 */
export const PersonName = Line(50, 1).regex(/^[\p{L}\p{M}][\p{L}\p{M} ·.'’-]*$/u, 'must be a name of letters (spaces, · . \' - allowed)')
