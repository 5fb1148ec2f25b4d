import { expect, type APIResponse, type Page, type Request } from "@playwright/test";

/**
 * Runs `submit` (which makes the page post a server action to `path`) and holds that request back from the
 * server: it is returned unsent, as the browser built it, for someone else to send.
 */
export async function captureAction(page: Page, path: string, submit: () => Promise<void>): Promise<Request> {
  let captured: Request | undefined;
  await page.route(path, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"])
      return route.fallback();
    captured = route.request();
    await route.abort();
  });
  await submit();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute(path);
  return captured!;
}

/**
 * Sends a captured server action again from `page`. Without the captured Cookie header, which an intercepted
 * request carries: the replay goes out with the session of whoever is signed in on `page` now.
 */
export function replayAction(page: Page, request: Request): Promise<APIResponse> {
  const { cookie: _captured, ...headers } = request.headers();
  return page.request.post(request.url(), {
    headers: { ...headers, origin: new URL(page.url()).origin },
    data: request.postDataBuffer() ?? "",
  });
}
