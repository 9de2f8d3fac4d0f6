export { BUILTIN_CATALOG } from './builtin'
export { checkCatalog, type CatalogCheck } from './check'
export { mergeItems, type MergedForm } from './bundle'
export { isQuestionVisible, visibleQuestions, pruneAnswers } from './conditions'
