import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env.mjs";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-errors";

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  // Over https the session cookie gets Secure and the __Secure- prefix, so it never travels in clear text.
  useSecureCookies: new URL(env.APP_URL).protocol === "https:",
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // next-auth checks its own CSRF token (double-submit cookie) before calling this.
      authorize: async (credentials, req) => {
        const ip = await getClientIp(new Headers(req.headers as Record<string, string> | undefined));
        const result = await authenticateWithPassword({ credentials: credentials ?? {}, ip });
        // A thrown message reaches the form as `error`, so it can say "wait" instead of "wrong password".
        if (result.outcome === "limited") throw new Error(SIGN_IN_RATE_LIMITED);
        return result.outcome === "ok" ? result.user : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the user id travels in the token; role and the disabled flag
      // are read from the database on every request (getActor), so a role
      // change or a disabled account takes effect at once.
      // signedInAt survives next-auth re-issuing the cookie (iat does not), so
      // getActor can refuse sessions older than the user's last password change.
      if (user) {
        token.sub = user.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, signedInAt: token.signedInAt } };
    },
  },
};
