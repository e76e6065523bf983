import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';

/** Debian's Chromium (scripts/infra/browser.js installs it), headless and quiet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh page (own sessionStorage) at 1366x768, the smallest layout the console supports. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Signs in through the login screen with the demo password. */
export async function logIn(page: Page, baseUrl: string, login: string, password = 'fengqiao'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** axe-core on the page as it is: the serious and critical violations (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const SCREENS = join(__dirname, '..', '..', '..', 'docs', 'screens');

/** Keeps a screenshot in docs/screens when FENGQIAO_SCREENSHOTS=1 (the README shows them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.FENGQIAO_SCREENSHOTS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}
