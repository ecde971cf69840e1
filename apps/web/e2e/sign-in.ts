import type { Page } from 'playwright-core';

/** Signs in through the dashboard's sign-in form, as a person would, and waits for the project page. */
export async function signInWithForm(page: Page, at: { url: string; email: string; password: string; projectId: string }): Promise<void> {
  await page.goto(`${at.url}/`);
  await page.waitForURL(/\/sign-in/);
  await page.fill('#email', at.email);
  await page.fill('#password', at.password);
  await page.click('button[type=submit]');
  await page.waitForURL(new RegExp(`/p/${at.projectId}`));
}
