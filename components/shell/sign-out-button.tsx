"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="inline-flex items-center gap-1 rounded-md px-2 py-2 text-muted hover:bg-raised hover:text-ink"
    >
      <LogOut className="size-4" aria-hidden />
      {label}
    </button>
  );
}
