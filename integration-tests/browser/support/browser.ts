import { chromium, type Browser, type Page } from "playwright-core"

/** Debian's chromium (apt-get install -y chromium), headless, quiet, no sandbox (root in CI). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

/** Signs into the dashboard through its login form, as a person would. */
export async function logIntoAdmin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  // The dev server compiles the dashboard (Vite, Tailwind) on its first request: 15–30 s on two
  // busy cores, so the first page gets more than Playwright's default 30 s.
  await page.goto(`${baseUrl}/app/login`, { timeout: 120_000 })
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith("/app/login"), { timeout: 60_000 })
}
