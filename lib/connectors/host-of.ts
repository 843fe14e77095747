/** Host and port only, for messages: paths and query strings can carry tokens (e.g. Telegram's /bot<token>/). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
}
