import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id that is a pure function of what it names: its time part is `at`, its random part
 * a digest of `parts`. The same subscription, period and rate card always give the same invoice and
 * line ids, so they survive a rebuild of every read model.
 */
export function stableUlid(at: Date, ...parts: readonly string[]): string {
  let time = BigInt(at.getTime());
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[Number(time % 32n)] + timePart;
    time /= 32n;
  }
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest();
  let bits = BigInt('0x' + digest.subarray(0, 10).toString('hex'));
  let randomPart = '';
  for (let i = 0; i < 16; i++) {
    randomPart = CROCKFORD[Number(bits % 32n)] + randomPart;
    bits /= 32n;
  }
  return timePart + randomPart;
}
