import { INPUT_CLASSES } from "@/components/ui/field";

/** INPUT_CLASSES without its w-full, for selects and inputs that sit in a row and set their own width (two width classes would fight). */
export const INLINE_INPUT_CLASSES = INPUT_CLASSES.replace(/\bw-full\b\s*/, "");
