import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/parse-csv";
import { encodeCsv } from "./encode-csv";

describe("encodeCsv", () => {
  it("writes plain cells as they are, one CRLF-terminated line per row, null as an empty cell", () => {
    expect(encodeCsv([["id", "action"], ["1", "flow.publish"], ["2", null]])).toBe("id,action\r\n1,flow.publish\r\n2,\r\n");
  });

  it("quotes cells with commas, quotes and line breaks and doubles inner quotes", () => {
    const csv = encodeCsv([["a,b", 'say "hi"', "two\nlines", "cr\rlf\r\n", '{"version":2}']]);
    expect(csv).toBe('"a,b","say ""hi""","two\nlines","cr\rlf\r\n","{""version"":2}"\r\n');
    expect(parseCsv(csv)).toEqual([["a,b", 'say "hi"', "two\nlines", "cr\rlf\r\n", '{"version":2}']]);
  });

  it.each([
    ["=HYPERLINK(\"http://evil\",\"x\")"],
    ["+cmd|' /C calc'!A0"],
    ["-2+3"],
    ["@SUM(A1:A2)"],
    ["\t=1+1"],
    ["\r=1+1"],
  ])("neutralises the formula-like cell %j with a leading apostrophe", (value) => {
    const [[cell]] = parseCsv(encodeCsv([[value]])) as [[string]];
    expect(cell).toBe(`'${value}`);
  });

  it("leaves formula characters alone when they are not at the start of a cell", () => {
    expect(parseCsv(encodeCsv([["a=b", "x+y@z.local", "ops-team"]]))).toEqual([["a=b", "x+y@z.local", "ops-team"]]);
  });

  it("round-trips any mix of awkward characters through a strict reader", () => {
    const alphabet = ['"', ",", "\r", "\n", "a", " ", "=", "é", "→", "'"];
    const rows: string[][] = [];
    for (let r = 0; r < 50; r += 1) {
      rows.push(Array.from({ length: 4 }, (_, c) => Array.from({ length: 6 }, (_, k) => alphabet[(r * 7 + c * 3 + k * k) % alphabet.length]).join("")));
    }
    const parsed = parseCsv(encodeCsv(rows));
    expect(parsed).toEqual(rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
  });
});
