/**
 * A rule the server refuses to break (the case changed meanwhile, a limit was reached, a duplicate). Thrown inside
 * a commit it rolls the transaction back; validatedAction turns it into the action's error state and shows its
 * message to the person as is, so it names what happened in their words and nothing internal. `field` puts the
 * message under that form field too.
 */
export class DomainError extends Error {
  constructor(
    /** A message key (lib/i18n/messages.ts messageKey): validatedAction translates it. */
    message: string,
    readonly field?: string,
    /** The message's ICU arguments. */
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
