// Golden HMAC signatures: fixed bytes and key against values computed by openssl and RFC 4231's published vectors.
import { describe, expect, it } from 'vitest';
import { signBody } from '../src/index.js';
import { HMAC_KEY } from './fixtures.js';

/** `{"log_id":"1","data":{"type":"s"}}\n`, signed with HMAC_KEY by `openssl dgst -<alg> -hmac <key>`. */
const BODY = Buffer.from('{"log_id":"1","data":{"type":"s"}}\n');
const SHA256_HEX = 'df7abbf27b9591c3c0f798fb07e468d87788a92c3c50177e05f693dc033f7df2';
const SHA512_BASE64 = 'eHtmzTihDbI9/BSJ9d9PO9sf1s3pyv2P0uSWHOvu2w8fM1YgVLNqCaAW7Rpcr+E4R+KZpTdCwP+LXmXsR5EGIg==';

describe('signBody', () => {
  it('matches openssl for fixed bytes and key: sha256/hex and sha512/base64', () => {
    expect(signBody(HMAC_KEY, BODY, { algorithm: 'sha256', encoding: 'hex', prefix: '' })).toBe(SHA256_HEX);
    expect(signBody(HMAC_KEY, BODY, { algorithm: 'sha512', encoding: 'base64', prefix: '' })).toBe(SHA512_BASE64);
  });

  it('puts the prefix before the digest', () => {
    expect(signBody(HMAC_KEY, BODY, { algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' })).toBe(`sha256=${SHA256_HEX}`);
  });

  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    const data = Buffer.from('what do ya want for nothing?');
    expect(signBody('Jefe', data, { algorithm: 'sha256', encoding: 'hex', prefix: '' })).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(signBody('Jefe', data, { algorithm: 'sha512', encoding: 'hex', prefix: '' })).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
  });

  it('changes with one byte of the body or of the key', () => {
    const tampered = Buffer.from(BODY);
    tampered[12] = 0x32;
    expect(signBody(HMAC_KEY, tampered, { algorithm: 'sha256', encoding: 'hex', prefix: '' })).not.toBe(SHA256_HEX);
    expect(signBody(`${HMAC_KEY}x`, BODY, { algorithm: 'sha256', encoding: 'hex', prefix: '' })).not.toBe(SHA256_HEX);
  });
});
