import { describe, expect, it } from 'vitest';
import {
  accessKeyMatches,
  hashAccessKey,
  isWellFormedAccessKey,
  newAccessKey,
  newSealedId,
  open,
  seal,
} from './sealed-box.js';

describe('sealed box', () => {
  it('opens with the same key and id only', () => {
    const id = newSealedId();
    const key = newAccessKey();
    const sealed = seal('{"facts":["threat-life"]}', key, id);
    expect(sealed).not.toContain('threat-life');
    expect(open(sealed, key, id)).toBe('{"facts":["threat-life"]}');
    expect(open(sealed, newAccessKey(), id)).toBeNull();
    expect(open(sealed, key, newSealedId())).toBeNull();
  });

  it('detects tampering', () => {
    const id = newSealedId();
    const key = newAccessKey();
    const [format, iv, ciphertext, tag] = seal('hello', key, id).split('.');
    const flipped = `${ciphertext!.startsWith('A') ? 'B' : 'A'}${ciphertext!.slice(1)}`;
    expect(open([format, iv, flipped, tag].join('.'), key, id)).toBeNull();
  });

  it('recognises a key by its hash in constant time and refuses non-canonical spellings', () => {
    const key = newAccessKey();
    expect(accessKeyMatches(key, hashAccessKey(key))).toBe(true);
    expect(accessKeyMatches(newAccessKey(), hashAccessKey(key))).toBe(false);
    expect(isWellFormedAccessKey(key)).toBe(true);
    expect(isWellFormedAccessKey(`${key}=`)).toBe(false);
    expect(isWellFormedAccessKey('short')).toBe(false);
  });
});
