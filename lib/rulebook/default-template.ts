import { WATCH_OFF, type RulebookContent } from "@/lib/rulebook/schema";

// Version 1 of the rulebook, written when none exists yet. Modelled on the checks BaFin's circular on video
// identification asks the agent to make and document on every call; admins adapt it in Settings. The help
// texts are what an officer reads during the call, so they say what to look at, not why the rule exists.
// Each failure suggests a reason that exists in the default decision reasons.

const SECURITY_FEATURE_CHOICES = ["0 of 4 seen", "1 of 4 seen", "2 of 4 seen", "3 of 4 seen", "4 of 4 seen"];

export const DEFAULT_RULEBOOK: RulebookContent = {
  checklist: [
    {
      key: "consent_recorded",
      label: "Consent to recording given at the start",
      help: "At the very start, before any identity data is discussed, the client said clearly that they agree to the call and its recording. Mark the moment in the video.",
      kind: "pass_fail",
      required: true,
      onFail: { outcome: "ABORT", reason: "Consent to recording not given" },
    },
    {
      key: "face_matches_photo",
      label: "Face matches the document photo",
      help: "Compare the live face (and the face photo) with the photo on the document: face shape, eyes, nose, ears, scars. Ask the client to turn the head; ageing and glasses are not a mismatch.",
      kind: "pass_fail",
      required: true,
      onFail: { outcome: "REJECT", reason: "Face does not match the document" },
    },
    {
      key: "security_features_tilted",
      label: "Optical security features seen under tilt",
      help: "Ask the client to tilt the document slowly towards the camera, front and back. Count the optical variable features you clearly saw change (for a German ID card: the colour-changing eagle, the 3D-looking photo hologram, the kinegram, the tactile laser elements). At least 3 of 4 must be seen.",
      kind: "choice",
      choices: SECURITY_FEATURE_CHOICES,
      passChoices: ["3 of 4 seen", "4 of 4 seen"],
      required: true,
      onFail: { outcome: "REJECT", reason: "Document appears forged or altered" },
    },
    {
      key: "data_matches_application",
      label: "Document data matches the application",
      help: "Name, date of birth and (where asked) nationality and document number on the document are the same as in the application. Have the client read out the document number if a digit is unclear.",
      kind: "pass_fail",
      required: true,
      onFail: { outcome: "REJECT", reason: "Document data do not match the application" },
    },
    {
      key: "document_valid",
      label: "Document is valid",
      help: "The expiry date has not passed, the document type is accepted, and nothing suggests it has been reported lost or stolen. A document that expires during the process still counts as valid today.",
      kind: "pass_fail",
      required: true,
      onFail: { outcome: "REJECT", reason: "Document expired" },
    },
    {
      key: "call_fully_recorded",
      label: "Whole call recorded without interruption",
      help: "The recording runs from the consent to the end of the identification, with no gap, cut or freeze. If the connection dropped, the identification has to start again.",
      kind: "pass_fail",
      required: true,
      onFail: { outcome: "REQUEST_RESUBMISSION", reason: "Call recording interrupted or incomplete" },
    },
    {
      key: "no_manipulation",
      label: "Liveness: no signs of manipulation",
      help: "Optional. The client reacted naturally to requests (turn the head, cover part of the face, hold the document next to the face); no signs of a replayed video, a mask, a deepfake artefact or someone prompting the client.",
      kind: "pass_fail",
      required: false,
      onFail: { outcome: "REJECT", reason: "Signs of manipulation or a presentation attack" },
    },
    {
      key: "other_notes",
      label: "Address and other details",
      help: "Optional. Anything else checked during the call, such as the address on the document or a questionnaire. Write what you saw in the note.",
      kind: "pass_fail",
      required: false,
      onFail: { outcome: "REQUEST_RESUBMISSION", reason: "Address or other details need clarifying" },
    },
  ],
  requiredQualification: { decide: null, secondReview: null },
  watch: WATCH_OFF,
};
