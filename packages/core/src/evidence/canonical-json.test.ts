import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { z: 0, y: -2 } })).toBe('{"A":{"y":-2,"z":0},"a":[true,null,"x"],"b":1}');
    // '\u20ac' (U+20AC) sorts before '\ud83d' (surrogate of an emoji) by code unit, though after it by code point order of \r
    expect(canonicalJson({ '\ud83d\ude00': 1, '\u20ac': 2, '\r': 3 })).toBe('{"\\r":3,"€":2,"😀":1}');
  });

  it('escapes strings as JSON.stringify and keeps Japanese text as is', () => {
    expect(canonicalJson('改行\n"引用"\u0001')).toBe(JSON.stringify('改行\n"引用"\u0001'));
  });

  it('omits undefined members, so an absent field and an undefined one hash the same', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('refuses values JSON cannot represent canonically', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Infinity)).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
