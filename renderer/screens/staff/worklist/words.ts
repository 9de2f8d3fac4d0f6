/** Shared words and lists the worklist screens use (the shared status words, one place). */
export { STATUS_WORDS, EVENT_WORDS, pick, type RequestStatus } from '../../../../shared/index'
export const CHANNELS_ORDER = ['kiosk', 'counter', 'online'] as const
