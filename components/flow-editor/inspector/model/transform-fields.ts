import type { z } from "zod";
import { transformSchema, type TransformType } from "@/lib/flows/schema";
import { describeSchema, type FieldDescriptor } from "@/components/flow-editor/inspector/model/describe-schema";

const cache = new Map<string, FieldDescriptor[]>();

/**
 * The parameters of one transform type (everything but `type`), read from
 * its member of the transform union, so a parameter G adds to the engine
 * shows up in the inspector without a change here.
 */
export function transformFields(type: TransformType): FieldDescriptor[] {
  const cached = cache.get(type);
  if (cached !== undefined) return cached;
  const member = transformSchema.options.find((option) => literalType(option) === type);
  const fields = member === undefined ? [] : describeSchema(member).filter((field) => field.key !== "type");
  cache.set(type, fields);
  return fields;
}

function literalType(option: z.ZodObject): unknown {
  const type = option.shape.type as z.ZodLiteral | undefined;
  return type?.value;
}
