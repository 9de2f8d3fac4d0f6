export { BUILTIN_CALENDAR } from './builtin'
export { addWorkingDays, isWorkingDay, mergeCalendars, parseIsoDate } from './workingDays'
export { chinaDateOf, chinaDateTimeOf } from './chinaDate'
