const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2025-11-24 03:51:07" in the server's local time: sortable and unambiguous, unlike toLocaleString. */
export function formatDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
