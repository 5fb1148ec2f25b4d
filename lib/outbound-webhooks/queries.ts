import "server-only";
import { getDb } from "@/lib/db";

/** Every endpoint with its last deliveries, newest first: the delivery log of the admin page. */
export async function webhookEndpoints() {
  const rows = await getDb().webhookEndpoint.findMany({
    orderBy: { createdAt: "desc" },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 20, omit: { body: true } } },
    omit: { secretSealed: true },
  });
  return rows;
}
export type EndpointView = Awaited<ReturnType<typeof webhookEndpoints>>[number];
