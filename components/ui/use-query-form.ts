"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";

/**
 * For GET forms whose fields are a page's URL state: submitting navigates to `path?non-empty fields`
 * client-side, with a pending flag. Without JavaScript the form's own GET submission does the same.
 */
export function useQueryForm(path: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim()) query.set(key, value.trim());
    }
    // New filters start from the first page: cursors are never carried over.
    startTransition(() => router.push(query.size ? `${path}?${query}` : path));
  }
  return { pending, onSubmit };
}
