// The verify function judges its body with plain checks (small bundle); the OpenAPI document
// and every other consumer use the full zod schema. Both must accept and refuse the same bodies,
// naming the same fields.
import { VerifyBody } from '../../shared/http/schemas';
import { judgeVerifyBody } from '../../shared/http/verify-body';
import { zodErrors } from '../../shared/http/request-parsing';

const KEY = 'apk-shop-01ARZ3NDEKTSV4RRFFQ69G5FAV';
const bodies: Array<[string, unknown]> = [
  ['a plain body', { appKey: KEY, appToken: 'apt_x' }],
  ['with an account', { appKey: KEY, appToken: 'apt_x', account: 'partner' }],
  ['a bad account', { appKey: KEY, appToken: 'apt_x', account: 'Not-An-Account' }],
  ['an unknown field', { appKey: KEY, appToken: 'apt_x', extra: true }],
  ['a missing token', { appKey: KEY }],
  ['a number for appKey', { appKey: 42, appToken: 'apt_x' }],
  ['a too long appKey', { appKey: 'a'.repeat(201), appToken: 'apt_x' }],
  ['exactly 200 chars', { appKey: 'a'.repeat(200), appToken: 'b'.repeat(200) }],
  ['a null account', { appKey: KEY, appToken: 'apt_x', account: null }],
  ['an array', [KEY]],
  ['nothing', {}],
];

describe('the verify body: plain checks in the function, full zod in the document', () => {
  it.each(bodies)('%s: same verdict and same field paths', (_what, body) => {
    const full = VerifyBody.safeParse(body);
    const plain = judgeVerifyBody(body);
    expect(plain.success).toBe(full.success);
    if (full.success && plain.success) expect(plain.data).toEqual(full.data);
    if (!full.success && !plain.success) {
      const fullPaths = zodErrors(full.error.issues).map((e) => e.path);
      expect(plain.errors.map((e) => e.path).sort()).toEqual(fullPaths.sort());
    }
  });
});
