// A worker process for tests/outbound-webhooks/deliver-kill.test.ts: one attempt at one delivery, killed by the
// test while the receiver holds the request unanswered.
import { attemptDelivery } from "@/lib/outbound-webhooks/deliver";

const deliveryId = process.argv[2];
if (!deliveryId) throw new Error("usage: deliver-child.ts <deliveryId>");
console.log(await attemptDelivery(deliveryId));
process.exit(0);
