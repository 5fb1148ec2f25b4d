import type { ActionState } from "@/lib/actions/validated-action";

/** The form's overall outcome, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status" className="text-sm">
      {state.message ? <p className={state.ok ? "text-success" : "text-danger"}>{state.message}</p> : null}
    </div>
  );
}
