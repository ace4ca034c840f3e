import { describe, expect, it } from 'vitest';
import { platformForPost, platformOfUrl } from './post-platform.js';

describe('platform of a post URL', () => {
  it.each([
    ['https://x.com/someone/status/1', 'x'],
    ['https://mobile.twitter.com/someone/status/1', 'x'],
    ['https://www.instagram.com/p/abc/', 'instagram'],
    ['https://m.facebook.com/story.php?id=1', 'facebook'],
    ['https://www.threads.net/@someone/post/abc', 'threads'],
    ['https://youtu.be/abc', 'youtube'],
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://vm.tiktok.com/abc/', 'tiktok'],
    ['https://voom.line.me/post/1', 'line'],
    ['https://egg.5ch.net/test/read.cgi/x/1/', '5ch'],
    ['https://www.google.com/maps/place/abc', 'google-maps'],
    ['https://maps.app.goo.gl/abc', 'google-maps'],
    ['https://note.com/someone/n/abc', 'note'],
    ['https://detail.chiebukuro.yahoo.co.jp/qa/question_detail/q1', 'yahoo-chiebukuro'],
    ['https://ameblo.jp/someone/entry-1.html', 'ameba'],
    ['HTTPS://X.COM./someone', 'x'],
    ['https://user@x.com:443/someone', 'x'],
  ] as const)('%s → %s', (url, platform) => {
    expect(platformOfUrl(url)).toBe(platform);
  });

  it('does not match look-alike hosts or non-URLs', () => {
    expect(platformOfUrl('https://notx.com/a')).toBeUndefined();
    expect(platformOfUrl('https://x.com.evil.example/a')).toBeUndefined();
    expect(platformOfUrl('https://www.google.com/search?q=maps')).toBeUndefined();
    expect(platformOfUrl('not a url')).toBeUndefined();
    expect(platformOfUrl('ftp://x.com/a')).toBeUndefined();
    expect(platformOfUrl('https://evil.example/?u=https://x.com/a')).toBeUndefined();
  });

  it('falls back to the only platform the victim named, else other', () => {
    expect(platformForPost('https://someone.example/blog/1', ['blog'])).toBe('blog');
    expect(platformForPost('https://someone.example/blog/1', ['blog', 'x'])).toBe('other');
    expect(platformForPost('https://someone.example/blog/1', [])).toBe('other');
    expect(platformForPost('https://x.com/a/status/1', ['blog'])).toBe('x');
  });
});
