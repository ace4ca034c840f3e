import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createSha256Stream } from './sha256-stream.js';

describe('createSha256Stream', () => {
  it('gives the one-shot SHA-256 whatever the chunk boundaries', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 31 + 7) & 0xff);
    const expected = bytesToHex(sha256(bytes));
    for (const size of [1, 63, 64, 65, 4096, 200_003]) {
      const stream = createSha256Stream();
      for (let at = 0; at < bytes.length; at += size) stream.update(bytes.subarray(at, at + size));
      expect(stream.hex()).toBe(expected);
    }
  });

  it('matches the known digest of "abc" and of nothing', () => {
    const abc = createSha256Stream();
    abc.update(utf8ToBytes('abc'));
    expect(abc.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(createSha256Stream().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
