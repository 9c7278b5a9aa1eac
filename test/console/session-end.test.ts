// Issue 14, item 7: when the signed-in key stops working elsewhere (deactivated, deleted), the next
// call that answers 401 ends the session: the console goes back to sign-in, saying precisely why,
// instead of showing stale data beside "sign in again" errors. At 1366x768 and 390x844, in
// English, Portuguese and Spanish, with axe on the sign-in screen that carries the reason.
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { MATRIX, type Viewport } from './support/matrix';
import { expectRowCount } from './support/wait';

/** Part of each reason, written out per language: a wrong or missing text must fail. */
const REASON: Record<ConsoleLocale, { deactivated: string; deleted: string }> = {
  en: {
    deactivated: 'this key was deactivated elsewhere',
    deleted: 'this key was deleted or its token is no longer valid',
  },
  'pt-BR': {
    deactivated: 'esta chave foi desativada em outro lugar',
    deleted: 'esta chave foi excluída ou o token dela não é mais válido',
  },
  es: {
    deactivated: 'esta clave se desactivó en otro lugar',
    deleted: 'esta clave se eliminó o su token ya no es válido',
  },
};

describeInBrowser('console: a key stopped elsewhere ends the session with its reason (issue 14)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('session14');
  });
  afterAll(async () => harness?.stop());

  test.each(MATRIX)('%s, %s', async (locale, _name, viewport: Viewport) => {
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    const signedInAs = async (name: string): Promise<Credentials> => {
      const key = await harness.api.createKey(owner, ['key-admin'], name);
      await harness.signIn(page, key);
      await expectRowCount(page, await keyCount());
      return key;
    };
    const keyCount = async (): Promise<number> =>
      Math.min(20, (await harness.api.request('GET', '/v1/keys?limit=20', { as: owner })).body.items.length);
    // Any call of the console: here a filter change, which lists the keys again.
    const nextCall = (status: 'active' | 'inactive'): Promise<string[]> =>
      page.getByTestId('status-filter').selectOption(status);
    const signInReason = async (): Promise<string> => {
      await page.locator('input[name="appKey"]').waitFor();
      return page.getByTestId('sign-in-error').innerText();
    };

    // Deactivated by another operator
    const first = await signedInAs(`Deactivated ${locale} ${viewport.name}`);
    expect(
      (await harness.api.request('POST', `/v1/keys/${first.appKey}/deactivate`, { as: owner, body: {} }))
        .status,
    ).toBe(200);
    await nextCall('inactive');
    expect(await signInReason()).toContain(REASON[locale].deactivated);
    expect(await page.getByTestId('keys-table').count()).toBe(0);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

    // Deleted by another operator
    const second = await signedInAs(`Deleted ${locale} ${viewport.name}`);
    expect(
      (await harness.api.request('DELETE', `/v1/keys/${second.appKey}?confirm=true`, { as: owner })).status,
    ).toBe(204);
    await nextCall('active');
    expect(await signInReason()).toContain(REASON[locale].deleted);
    expect(await page.getByTestId('identity').count()).toBe(0);

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
