import type { MediaKind } from "@/lib/generated/prisma/enums";

/** How a recording is named on screen: its photo's caption, and where marks point to it. */
export const MEDIA_LABEL: Record<MediaKind, string> = {
  FACE_PHOTO: "Face photo",
  DOCUMENT_FRONT: "Document front",
  DOCUMENT_BACK: "Document back",
  VIDEO: "Call recording",
};
