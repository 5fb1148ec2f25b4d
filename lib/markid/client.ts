// The MarkID calls the back office makes. Every method returns a Result; nothing here throws for API trouble.
import type { z } from "zod";
import { makeError } from "@/lib/markid/errors";
import { postJson, type RawResult, type RetryPolicy } from "@/lib/markid/http";
import {
  createTokenInputSchema,
  describeIssue,
  scanRefSchema,
  statusResponseSchema,
  tokenResponseSchema,
  videoCallRecordResponseSchema,
  videoCallResponseSchema,
} from "@/lib/markid/schemas";
import type {
  CreateTokenInput,
  MarkIdClientConfig,
  MarkIdError,
  Result,
  Token,
  VerificationStatusReport,
  VideoCall,
  VideoCallRecord,
} from "@/lib/markid/types";

export type MarkIdClient = ReturnType<typeof createMarkIdClient>;

const MAY_HAVE_HAPPENED =
  " The request may still have reached MarkID: check the verification before trying again.";

function badInput(what: string, detail: string): { ok: false; error: MarkIdError } {
  return { ok: false, error: makeError("BAD_VALUE", null, { message: `${what}: ${detail}.` }) };
}

function invalid(status: number, message?: string): { ok: false; error: MarkIdError } {
  return { ok: false, error: makeError("INVALID_RESPONSE", status, message ? { message } : {}) };
}

/** Parses a 2xx body; anything that is not the expected JSON becomes INVALID_RESPONSE. */
function parseBody<S extends z.ZodType>(
  raw: { status: number; text: string },
  schema: S,
): z.infer<S> | undefined {
  try {
    const result = schema.safeParse(JSON.parse(raw.text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

// After a timeout or lost connection a create call cannot be repeated safely; staff must be told why.
function explainUnclear(result: RawResult): RawResult {
  if (result.ok) return result;
  const { identifier } = result.error;
  if (identifier === "TIMEOUT" || identifier === "NETWORK_ERROR" || identifier === "INTERNAL_ERROR") {
    const error = {
      ...result.error,
      message: result.error.message + MAY_HAVE_HAPPENED,
      mayHaveHappened: true,
    };
    return { ok: false, error };
  }
  return result;
}

export function createMarkIdClient(config: MarkIdClientConfig) {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const call = (path: string, body: unknown, policy: RetryPolicy) => postJson(config, path, body, policy);

  async function withScanRef<T>(
    what: string,
    scanRef: string,
    run: (scanRef: string) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const parsed = scanRefSchema.safeParse(scanRef);
    if (!parsed.success) return badInput(what, `scanRef ${parsed.error.issues[0]?.message ?? "is invalid"}`);
    return run(parsed.data);
  }

  // MarkID's docs never show redirectUrl; the redirect endpoint is documented, so build it.
  const tokenRedirectUrl = (authToken: string) =>
    `${baseUrl}/api/v2/redirect?authToken=${encodeURIComponent(authToken)}`;

  return {
    /** Where a client with this token starts (no request is made). */
    tokenRedirectUrl,

    async createToken(input: CreateTokenInput): Promise<Result<Token>> {
      const parsed = createTokenInputSchema.safeParse(input);
      if (!parsed.success) return badInput("Cannot create the verification", describeIssue(parsed.error));
      const raw = explainUnclear(await call("/api/v2/token", parsed.data, "create"));
      if (!raw.ok) return raw;
      const body = parseBody(raw, tokenResponseSchema);
      if (!body) return invalid(raw.status);
      return {
        ok: true,
        value: {
          scanRef: body.scanRef,
          authToken: body.authToken,
          clientId: body.clientId ?? parsed.data.clientId,
          expiryTime: body.expiryTime ?? parsed.data.expiryTime ?? null,
          sessionLength: body.sessionLength ?? parsed.data.sessionLength ?? null,
          tokenType: body.tokenType ?? parsed.data.tokenType,
          redirectUrl: body.redirectUrl ?? tokenRedirectUrl(body.authToken),
        },
      };
    },

    createVideoCall(input: { scanRef: string; photos?: boolean }): Promise<Result<VideoCall>> {
      return withScanRef("Cannot start the video call", input.scanRef, async (scanRef) => {
        const payload = input.photos === undefined ? { scanRef } : { scanRef, photos: input.photos };
        const raw = explainUnclear(await call("/api/v2/video-call", payload, "create"));
        if (!raw.ok) return raw;
        const body = parseBody(raw, videoCallResponseSchema);
        if (!body)
          return invalid(raw.status, "MarkID accepted the video call but sent no call link. Report it.");
        return { ok: true, value: { url: body.url } };
      });
    },

    getVideoCallRecord(scanRef: string): Promise<Result<VideoCallRecord>> {
      return withScanRef("Cannot fetch the recording", scanRef, async (ref) => {
        const raw = await call("/api/v2/video-call-record", { scanRef: ref }, "read");
        if (!raw.ok) return raw;
        const body = parseBody(raw, videoCallRecordResponseSchema);
        if (!body) return invalid(raw.status);
        const photos: VideoCallRecord["photos"] = {};
        for (const key of ["VIDEO_CALL_FACE", "VIDEO_CALL_FRONT", "VIDEO_CALL_BACK"] as const) {
          const url = body.photos?.[key];
          if (url) photos[key] = url;
        }
        return { ok: true, value: { photos, videos: body.videos ?? [] } };
      });
    },

    getStatus(scanRef: string): Promise<Result<VerificationStatusReport>> {
      return withScanRef("Cannot fetch the status", scanRef, async (ref) => {
        const raw = await call("/api/v2/status", { scanRef: ref }, "read");
        if (!raw.ok) return raw;
        const body = parseBody(raw, statusResponseSchema);
        if (!body) return invalid(raw.status);
        return {
          ok: true,
          value: {
            status: body.status,
            scanRef: body.scanRef,
            clientId: body.clientId ?? null,
            autoFace: body.autoFace,
            autoDocument: body.autoDocument,
            manualFace: body.manualFace,
            manualDocument: body.manualDocument,
            fraudTags: body.fraudTags,
            mismatchTags: body.mismatchTags,
          },
        };
      });
    },

    /** Deletes MarkID's copy of photos and data. Success is 200 with an empty body; any body is ignored. */
    deleteData(scanRef: string): Promise<Result<null>> {
      return withScanRef("Cannot delete the data", scanRef, async (ref) => {
        const raw = await call("/api/v2/delete", { scanRef: ref }, "delete");
        return raw.ok ? { ok: true, value: null } : raw;
      });
    },
  };
}
