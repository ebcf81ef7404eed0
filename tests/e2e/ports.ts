/** E2E_PORT lets several checkouts run their end-to-end tests side by side. */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The plain static server (no COOP/COEP, the app on a subpath, as GitHub Pages serves it) takes the next port. */
export const STATIC_PORT = Number(process.env.E2E_STATIC_PORT ?? PORT + 1);
