import { redactValue } from "@/lib/redact/redact-value";
import { isSecretName, MASK } from "@/lib/redact/secret-names";

/**
 * Config fields whose names look secret to the generic masker but hold none:
 * a credential's name (the secret stays in the vault), a webhook's signature
 * settings (scheme, header, which credential), a dedup rule's key
 * expression. Masking them would hide the flow's real settings from the
 * analyst who edits it. Their strings are still scrubbed of secret-shaped text.
 */
const SETTINGS_NOT_SECRETS: Readonly<Record<string, ReadonlySet<string>>> = {
  "*": new Set(["credentialRef"]),
  "webhook-trigger": new Set(["signature"]),
  dedup: new Set(["key"]),
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A flow definition as readers see it (R20): header values and other
 * secret-named fields inside node configs masked, as redactValue does, except
 * the known settings above. Anything that is not a definition is masked generically.
 */
export function maskDefinition(definition: unknown): unknown {
  if (!isObject(definition) || !Array.isArray(definition.nodes)) return redactValue(definition);
  const { nodes, ...rest } = definition;
  return { ...(redactValue(rest) as Json), nodes: nodes.map(maskNode) };
}

function maskNode(node: unknown): unknown {
  if (!isObject(node)) return redactValue(node);
  const { config, ...rest } = node;
  const kept = new Set([...SETTINGS_NOT_SECRETS["*"]!, ...(SETTINGS_NOT_SECRETS[String(node.kind)] ?? [])]);
  return { ...(redactValue(rest) as Json), ...(config === undefined ? {} : { config: maskConfig(config, kept, 0) }) };
}

// Top-level kind settings are kept only at the config's first level; credentialRef at any depth.
function maskConfig(value: unknown, kept: ReadonlySet<string>, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => maskConfig(item, kept, depth + 1));
  if (!isObject(value)) return redactValue(value);
  const copy: Json = {};
  for (const [name, child] of Object.entries(value)) {
    const setting = name === "credentialRef" || (depth === 0 && kept.has(name));
    copy[name] = !setting && isSecretName(name) && child != null ? MASK : maskConfig(child, kept, depth + 1);
  }
  return copy;
}
