/** E2E_PORT lets several checkouts run their end-to-end tests side by side; the plain server takes the next port. */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The same build served without COOP/COEP, so not cross-origin isolated. */
export const PLAIN_PORT = PORT + 1;
