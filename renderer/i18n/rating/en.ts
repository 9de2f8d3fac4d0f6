import type zhCN from './zh-CN'

/** Rating, rectification and figures strings in English; the type keeps the keys identical to zh-CN. */
const en: typeof zhCN = {
  form: {
    heading: 'Rate this service',
    lead: 'Your request has been resolved. Please tell us how we did. Each request can be rated once.',
    levels: 'How satisfied are you?',
    reasons: 'Main reasons (choose any)',
    comment: 'Comments or suggestions (optional)',
    commentHint: 'Up to {max} characters; {n} so far',
    submit: 'Submit rating',
    saving: 'Saving…',
    pickLevel: 'Please choose how satisfied you are first',
    tooLong: 'Comments allow up to {max} characters',
    conflict: 'This request cannot be rated now: it may have been rated already, or is not resolved yet.',
    failed: 'Your rating could not be saved. Please try again, or ask at a counter.',
    full: 'This kiosk’s storage is full and your rating could not be saved. Please ask at a counter.',
    thanks: 'Thank you for your rating!',
    lowNotice: 'The head of the responsible department will look into it and reply in writing by {date}; you can read the reply here.',
  },
  result: {
    heading: 'Your rating',
    given: 'You rated it: {level}',
    rectification: 'Follow-up on your rating',
    rectificationOpen: 'Being followed up; the department head will reply by {date}',
    rectificationClosed: 'Followed up (replied on {date})',
    response: 'Reply',
  },
}

export default en
