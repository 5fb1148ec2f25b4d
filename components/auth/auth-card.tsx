import { ShieldCheck } from "lucide-react";

/** The narrow centred card of the pages outside the app shell: sign-in, invitation, two-factor setup. */
export function AuthCard({
  title,
  children,
  wide,
}: {
  title: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div
        className={`w-full ${wide ? "max-w-xl" : "max-w-sm"} rounded-card border border-border bg-surface p-8 shadow-sm`}
      >
        <div className="mb-6 flex items-center gap-2">
          <ShieldCheck className="size-6 text-accent" aria-hidden />
          <h1 className="text-lg font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
