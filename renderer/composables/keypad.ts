import { ref } from 'vue'

/**
 * Whether Vant's number keyboard is up. The screen frame lifts its footer above it, so 下一步 stays
 * reachable while the visitor types digits.
 */
export const keypadOpen = ref(false)
