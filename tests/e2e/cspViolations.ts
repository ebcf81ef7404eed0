import type { Page } from '@playwright/test';

/**
 * Records every Content-Security-Policy violation on this page, across navigations, from each document's first
 * script on: the `securitypolicyviolation` events, and the browser's "Refused to…" console messages (which also cover
 * workers, whose events the page cannot hear). Returns the list, which grows as violations come.
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
    addEventListener(
      'securitypolicyviolation',
      (event) => report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.href}`),
      true,
    );
  });
  return violations;
}

/** Tries to run an inline script, as an injected one would: under the policy it must not run. */
export function tryInlineScript(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
  });
}
