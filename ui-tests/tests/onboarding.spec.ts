import { expect, galata, test } from '@jupyterlab/galata';

test.use({
  autoGoto: true,
  mockSettings: galata.DEFAULT_SETTINGS,
  // Galata's default readiness check clicks the Launcher tab, which the tour's overlay covers.
  waitForApplication: async ({ baseURL }, use) => {
    await use(async page => {
      await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
      await page.locator('.jp-Launcher').waitFor();
    });
  }
});

test('explore the tour', async ({ page }) => {
  const tooltip = page.locator('.react-joyride__tooltip');
  await expect(tooltip).toBeVisible({ timeout: 20000 });
  for (let i = 0; i < 12; i++) {
    if (!(await tooltip.isVisible())) break;
    console.log('STEP', i, await tooltip.innerText());
    console.log(await tooltip.locator('button').evaluateAll(bs => bs.map(b => `${b.textContent}|${b.getAttribute('aria-label')}|${b.getAttribute('data-action')}`)));
    await page.screenshot({ path: `test-results/tour-${i}.png` });
    await tooltip.locator('button[data-action="primary"]').click();
    await page.waitForTimeout(800);
  }
  await page.reload();
  await page.waitForTimeout(6000);
  console.log('after reload visible:', await tooltip.isVisible());
});
