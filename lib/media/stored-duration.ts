import "server-only";
import { buffer } from "node:stream/consumers";
import { mediaStorage } from "@/lib/media/storage";
import { DURATION_HEAD_BYTES, videoDurationMs } from "@/lib/media/video-duration";

/** The stored video's own stated length in ms, read from its first bytes; null when its header does not say. */
export async function storedVideoDurationMs(key: string, sizeBytes: number): Promise<number | null> {
  if (sizeBytes <= 0) return null;
  const end = Math.min(sizeBytes, DURATION_HEAD_BYTES) - 1;
  return videoDurationMs(await buffer(await mediaStorage().read(key, { start: 0, end })));
}
