import { openApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";

// Public: it describes the API's shape and holds no data; engineers and their tools read it before any key.
export function GET() {
  return Response.json(openApiDocument(getEnv().APP_URL), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
