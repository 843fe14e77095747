import { describe, expect, it } from "vitest";
import { formatBytes } from "@/components/ui/format-bytes";

describe("formatBytes", () => {
  it("shows small sizes in bytes and larger ones in decimal units with one decimal", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1000)).toBe("1.0 KB");
    expect(formatBytes(12_345_678)).toBe("12.3 MB");
    expect(formatBytes(4_200_000_000)).toBe("4.2 GB");
  });
});
