import { BrowserPortal, expectAccessible } from './support/portal';

describe('probe', () => {
  let portal: BrowserPortal;
  beforeAll(async () => {
    portal = await BrowserPortal.start();
  });
  afterAll(async () => {
    await portal?.close();
  });
  it('home', async () => {
    const { context, page } = await portal.visitor();
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    console.log(await page.title(), (await page.content()).slice(0, 300));
    await page.screenshot({ path: '/tmp/home.png' });
    await expectAccessible(page);
    await context.close();
  });
});
