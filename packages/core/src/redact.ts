// Removes secret values from text before it reaches logs, errors or health records.
export const REDACTED = '[REDACTED]';

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out;
}
