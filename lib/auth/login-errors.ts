// The error names authorize() sends back through next-auth, shared with the login form. None of them
// is given before the password has been verified, so none tells an email that exists from one that does not.
export const LOGIN_ERRORS = {
  codeRequired: "TwoFactorRequired",
  codeRejected: "CodeRejected",
  challengeExpired: "ChallengeExpired",
} as const;
