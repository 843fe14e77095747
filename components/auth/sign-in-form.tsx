"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RATE_LIMITED_MESSAGE, SIGN_IN_RATE_LIMITED, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/sign-in-errors";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error || !result.ok) {
        setError(result?.error === SIGN_IN_RATE_LIMITED ? RATE_LIMITED_MESSAGE : WRONG_CREDENTIALS_MESSAGE);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      // A network failure is not a credentials problem; say so instead of blaming the password.
      setError("Could not reach the server; try again");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="email" name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <Field id="password" name="password" label="Password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
