// No imports on purpose: the sign-in form (a client component) reads these.
/** The error next-auth hands the form when the limiter refused without checking the password. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

// Deliberately the same message for an unknown email, a wrong password and
// a disabled account, so the form does not reveal which accounts exist.
export const WRONG_CREDENTIALS_MESSAGE = "Email or password is incorrect";
// Says nothing about the account either: the limit counts attempts per
// typed email and per address, whether or not the account exists.
export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts. Wait a few minutes and try again.";
