import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './canonical'

describe('canonical JSON', () => {
  it('ignores key order and undefined fields, so equal content hashes equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}')
    expect(contentHash({ a: 1, b: '杭州' })).toBe(contentHash({ b: '杭州', a: 1 }))
  })

  it('tells different content apart', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }))
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]))
    expect(canonicalJson([undefined, null])).toBe('[null,null]')
  })
})
