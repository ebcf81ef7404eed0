/** How the e2e specs check that a form refuses a value: its message shows and the run button is disabled. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Types `value` into `field`: `message` shows in `scope` and `button` is disabled. With `restore`, then puts the
 * field's value back: `button` is enabled again.
 */
export async function expectRefused(
  scope: Page | Locator,
  field: Locator,
  value: string,
  message: string | RegExp,
  button: Locator,
  { restore = false } = {},
): Promise<void> {
  const before = await field.inputValue();
  await field.fill(value);
  await expect(scope.getByText(message)).toBeVisible();
  await expect(button).toBeDisabled();
  if (!restore) return;
  await field.fill(before);
  await expect(button).toBeEnabled();
}
