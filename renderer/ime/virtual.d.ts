/** The pinyin keyboard's word list, made at build time by scripts/ime-dict-plugin.ts. */
declare module 'virtual:ime-dict' {
  const text: string
  export default text
}

/** simple-keyboard's ES module build, which its package.json does not name; the same API as its main entry. */
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { default, SimpleKeyboard } from 'simple-keyboard'
}
