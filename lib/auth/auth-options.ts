import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env.mjs";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";

const SESSION_MAX_AGE_SECONDS = 8 * 3600;

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => authenticateWithPassword(credentials ?? {}),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the user id travels in the token; role and the disabled flag
      // are read from the database on every request (getActor), so a role
      // change or a disabled account takes effect at once.
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
