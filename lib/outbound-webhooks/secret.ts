import "server-only";
import { seal, unseal } from "@/lib/auth/keys";

// An endpoint's signing secret, sealed at rest and bound to the endpoint: shown to the admin once, at creation.
export const sealEndpointSecret = (endpointId: string, secret: string) =>
  seal("outbound-webhook", secret, endpointId);

export const openEndpointSecret = (endpoint: { id: string; secretSealed: string }) =>
  unseal("outbound-webhook", endpoint.secretSealed, endpoint.id);
