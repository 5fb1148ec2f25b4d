import { authorizeRoute, recordNotFound, verificationAccess } from "@/lib/auth/dal";
import { deletionReceipt } from "@/lib/retention/queries";

// The deletion receipt of a purged case, as JSON: what the trail's retention.purged event holds, with the
// verification's id, for a regulator's file. A case not purged has none: 404, as for any record not there.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("verification:read");
  if (!auth.ok) return auth.response;
  const found = await verificationAccess(auth.user, (await ctx.params).id, "verification:read");
  if (!found) return recordNotFound();
  const receipt = await deletionReceipt(found.id);
  if (!receipt) return recordNotFound();
  return new Response(JSON.stringify(receipt, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="deletion-receipt-${found.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
