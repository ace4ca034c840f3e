import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  readTimestampToken,
  timestampTokenImprint,
  verifyTimestampToken,
} from './timestamp-token.js';

/*
 * A token from Debian's `openssl ts -reply` (test CA and TSA certificate with critical extendedKeyUsage timeStamping,
 * signingCertificateV2 over SHA-256) for the SHA-256 of "hello\n". The server suite makes fresh ones against a local TSA;
 * this one pins the pure verifier. The chain is checked at the token's time, so the CA's expiry does not matter.
 */
const TOKEN = [
  'MIIJKAYJKoZIhvcNAQcCoIIJGTCCCRUCAQMxDzANBglghkgBZQMEAgEFADCBpwYLKoZIhvcNAQkQAQSggZcEgZQwgZECAQEGBCoD',
  'BAEwMTANBglghkgBZQMEAgEFAAQgWJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgMCAQIYDzIwMjYxMTI5MTg0NjIzWjAD',
  'AgEBAgkAhUoBU1Pg8zugL6QtMCsxETAPBgNVBAMMCFRlc3QgVFNBMRYwFAYDVQQKDA1taW1hbW9ydSB0ZXN0oIIGTjCCA0gwggIw',
  'oAMCAQICFEZucimP+6JolK59PPhupI6BHRrzMA0GCSqGSIb3DQEBCwUAMBcxFTATBgNVBAMMDFRlc3QgUm9vdCBDQTAeFw0yNjEx',
  'MjkxODQ2MjNaFw0yNjEyMjkxODQ2MjNaMCsxETAPBgNVBAMMCFRlc3QgVFNBMRYwFAYDVQQKDA1taW1hbW9ydSB0ZXN0MIIBIjAN',
  'BgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqAVDNdJnMO4eIdnpN/fjfLFnVeR4LULSmZ/hjChhevwNSKKfqMDFL/EfnIZ7K2B/',
  'wTZcGH1LDuieHE7kD9Wy9mhG+E4sxlQwqr5YzOBj+w0BTkaEMmmFIhvWt30qHZRNfxkkcwBkHRVo//6UmlC0NHvtJnN06+9vWchF',
  'a2C1tg4aVK+SAlUaiu4AxcSdWeC1JtB8q4omcGQkEGFcDTtEnJ+KrzWM9kAC3CV05xo0exbOaTv8rLi5qM1MRVNzdoMfqYRzNxEH',
  'u/h9hEGj7KX9tcYaJ7zPCMZmCOqPPCG7NJn+yY8hcEPAZRaxsuFWo8rPCfsFE9Ja1y5I4KBE/yh02QIDAQABo3gwdjAMBgNVHRMB',
  'Af8EAjAAMA4GA1UdDwEB/wQEAwIHgDAWBgNVHSUBAf8EDDAKBggrBgEFBQcDCDAdBgNVHQ4EFgQUEp0c2c/BX0gHIz4qgclOC7Gj',
  'fzwwHwYDVR0jBBgwFoAUdrVN4yhuCs5aJSTXr9WDmdK7YkwwDQYJKoZIhvcNAQELBQADggEBAGS2y6iK/theihAnFnl+gedmaRTz',
  's1x7ijNbsfpTV1yKz316gU/Z/WieUkzOWa2NXuZuCbYtRg6LNL5rZkx61kQoLlAS1ar5sV8RKMF4ceIQGW330N2FkDnpuBwpeoUn',
  'MC98bMG/cj+ksGntonWq3KN/IY0ImB1ZVIWwTuY0lHQdFyKDs057ua9O0Jj8DefwMWzPOYaG0aRP4TAhgPpMZYlW5iwvM1Tc70nx',
  'sePfb68nzQsJJqLpWrOgXFAgBJkRp+f9exWK9fKqzR7qs0CrulrnG13RQGQegJ0Vr2JKGS57I0wQ7yBtHc1qYauwSSD5tFKh77TY',
  'Y/k7TsV3wTwEuAEwggL+MIIB5qADAgECAhR+IfI6CtMON+wJDvIOUzKjXORKVTANBgkqhkiG9w0BAQsFADAXMRUwEwYDVQQDDAxU',
  'ZXN0IFJvb3QgQ0EwHhcNMjYxMTI5MTg0NjIzWhcNMjYxMjI5MTg0NjIzWjAXMRUwEwYDVQQDDAxUZXN0IFJvb3QgQ0EwggEiMA0G',
  'CSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC2ulNHB87UVNGGYTHOT4kklpo67MJO595Nx6CoRjYMXI528Bmt8U8KxevtY5N883sT',
  'SswkL5ekfucpxyZfXUDi9MRp17zT6TKBQKJHTGUqQ3E2ddPgIrB1ZUuq0KAFR85o8oW/R+JR0KkeyknFR+VqEP9C8pFknwLKeUPp',
  'X3sVfngAbenhMx9Qi6OtHfpreWOjcYTAk4CrWf8Z68Q5J2Nk5mvhMPkJMu0D6DVJ8qLu0Coe8hkYW4A1YEWLPVy3DJ9Lk3oF57Kd',
  'BpneUiqVDJpoC21YSnlM37aB6NBpS5S84nF15VCp0nFjSJv+uWT0LL7+u7/UD2SiVmBU2S5ICQqfAgMBAAGjQjBAMA8GA1UdEwEB',
  '/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1UdDgQWBBR2tU3jKG4KzlolJNev1YOZ0rtiTDANBgkqhkiG9w0BAQsFAAOCAQEA',
  'WPjE/8O0xHA/ZXva9Y3h1ansW0Ng3GbVprhqnkuUUE0ooU/TEEdfLcDsBgivWYsETcighWYMqUfETmv1QsSLxPJSpqkqVVTtoR4K',
  'TgPpQQKC3xZqSTFsFz5ilMOoNiSAE+yIrurKgVBk1zGgwSrh2q6wQGvReQdcPDBvPlhqezOjiDcZS0VyoHEP9cWUniFxz00+1Us5',
  'CMxzR/povHe3HfVoBS/Tj6kp9J6UqO9z7/089M4UCX6U+BUrFyanbG8a7oCDiNkgTQ3OYRU443SQepLPZgjNTQNHjlDEUQY6ViO7',
  'zsX59HA0rQoWkmIDzX8UlmF38UUAzeF1cGJ8mBoeHzGCAgEwggH9AgEBMC8wFzEVMBMGA1UEAwwMVGVzdCBSb290IENBAhRGbnIp',
  'j/uiaJSufTz4bqSOgR0a8zANBglghkgBZQMEAgEFAKCBpDAaBgkqhkiG9w0BCQMxDQYLKoZIhvcNAQkQAQQwHAYJKoZIhvcNAQkF',
  'MQ8XDTI2MTEyOTE4NDYyM1owLwYJKoZIhvcNAQkEMSIEIA00kAKOjfQP0ihGxc6u+nr8zSYCtllqIa0+pPG18n3PMDcGCyqGSIb3',
  'DQEJEAIvMSgwJjAkMCIEILnzAj6S6ftpnrc0r2VIPgtsB0/M2vf2dNHu/l623yXlMA0GCSqGSIb3DQEBAQUABIIBAFbsPOJXe+Yg',
  'ZNXL5FFivfDqQGY+n7VKx28O7Da9rvNDYJk9Bs4whxG+hBcXfSNk6W5keHJ/mPWjTklh4xFfriejlhBw7TCONDq3N6zSHArx6ma6',
  '2vTnb+r4bz1hj9PRhU77fZVVNlOdJhYMU1Qwvomd9Kmyx5jPI4thLaxITIUbePZa/2o3lvlLc/ysdijavWs2ELvcD+c7WlqE+Kxq',
  'qHZ8jvaTpJl3qJK2STJYFKXwpafOI9JoSeQ5Yh1itgSYtT7mmUh1H6aAZKUsUy5aT+LBQJG50DEinQU2lIHPQXCvpKqtOipfkPgh',
  '0nFV3PARciBZiaeSWc+JoqRLq3oskEc=',
].join('');
const CA_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIC/jCCAeagAwIBAgIUfiHyOgrTDjfsCQ7yDlMyo1zkSlUwDQYJKoZIhvcNAQEL',
  'BQAwFzEVMBMGA1UEAwwMVGVzdCBSb290IENBMB4XDTI2MTEyOTE4NDYyM1oXDTI2',
  'MTIyOTE4NDYyM1owFzEVMBMGA1UEAwwMVGVzdCBSb290IENBMIIBIjANBgkqhkiG',
  '9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtrpTRwfO1FTRhmExzk+JJJaaOuzCTufeTceg',
  'qEY2DFyOdvAZrfFPCsXr7WOTfPN7E0rMJC+XpH7nKccmX11A4vTEade80+kygUCi',
  'R0xlKkNxNnXT4CKwdWVLqtCgBUfOaPKFv0fiUdCpHspJxUflahD/QvKRZJ8CynlD',
  '6V97FX54AG3p4TMfUIujrR36a3ljo3GEwJOAq1n/GevEOSdjZOZr4TD5CTLtA+g1',
  'SfKi7tAqHvIZGFuANWBFiz1ctwyfS5N6BeeynQaZ3lIqlQyaaAttWEp5TN+2gejQ',
  'aUuUvOJxdeVQqdJxY0ib/rlk9Cy+/ru/1A9kolZgVNkuSAkKnwIDAQABo0IwQDAP',
  'BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUdrVN4yhu',
  'Cs5aJSTXr9WDmdK7YkwwDQYJKoZIhvcNAQELBQADggEBAFj4xP/DtMRwP2V72vWN',
  '4dWp7FtDYNxm1aa4ap5LlFBNKKFP0xBHXy3A7AYIr1mLBE3IoIVmDKlHxE5r9ULE',
  'i8TyUqapKlVU7aEeCk4D6UECgt8WakkxbBc+YpTDqDYkgBPsiK7qyoFQZNcxoMEq',
  '4dqusEBr0XkHXDwwbz5Yanszo4g3GUtFcqBxD/XFlJ4hcc9NPtVLOQjMc0f6aLx3',
  'tx31aAUv04+pKfSelKjvc+/9PPTOFAl+lPgVKxcmp2xvGu6Ag4jZIE0NzmEVOON0',
  'kHqSz2YIzU0DR45QxFEGOlYju87F+fRwNK0KFpJiA81/FJZhd/FFAM3hdXBifJga',
  'Hh8=',
  '-----END CERTIFICATE-----',
].join('\n');
const HASH = '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';

describe('RFC 3161 token verification (pure, WebCrypto)', () => {
  it('reads the imprint, time, serial and TSA name', () => {
    const info = readTimestampToken(base64ToBytes(TOKEN));
    expect(info).toMatchObject({
      imprintHex: HASH,
      tsa: 'CN=Test TSA, O=mimamoru test',
      genTime: '2026-11-29T18:46:23.000Z',
    });
    expect(timestampTokenImprint(TOKEN)).toBe(HASH);
  });

  it('verifies the signature, and the chain when given the root', async () => {
    expect(await verifyTimestampToken(base64ToBytes(TOKEN), HASH, CA_PEM)).toMatchObject({
      ok: true,
      chainChecked: true,
    });
    expect(await verifyTimestampToken(base64ToBytes(TOKEN), HASH.toUpperCase())).toMatchObject({
      ok: true,
      chainChecked: false,
    });
  });

  it('names the problem: wrong hash, altered bytes, unreadable token', async () => {
    expect(await verifyTimestampToken(base64ToBytes(TOKEN), '0'.repeat(64))).toMatchObject({
      ok: false,
      problem: { kind: 'imprint-mismatch' },
    });
    const altered = base64ToBytes(TOKEN).slice();
    altered[altered.length - 3] = (altered[altered.length - 3] ?? 0) ^ 0xff;
    expect(await verifyTimestampToken(altered, HASH)).toMatchObject({
      ok: false,
      problem: { kind: 'signature' },
    });
    expect(await verifyTimestampToken(new Uint8Array(10), HASH)).toMatchObject({
      ok: false,
      problem: { kind: 'malformed' },
    });
    expect(timestampTokenImprint('%%%')).toBeUndefined();
  });

  it('decodes base64 like the platform does', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const encoded = btoa(text);
      expect(new TextDecoder().decode(base64ToBytes(encoded))).toBe(text);
    }
    expect(() => base64ToBytes('ab*c')).toThrow();
  });
});
