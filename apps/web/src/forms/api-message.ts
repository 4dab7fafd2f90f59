/** A refused submit's message split into what each field is told and what the form as a whole is told. */
export interface SplitMessage {
  fields: Record<string, string>;
  general: string[];
}

/** Every path Mantine's form gives a field of these values: `contactPoints`, `contactPoints.PHONE`, `contactPoints.PHONE.0`. */
export function fieldPaths(values: unknown, prefix = ''): string[] {
  if (typeof values !== 'object' || values === null) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(value, path)];
  });
}

/**
 * The API's validation message lists each rule broken, separated by "; ", each starting with the field
 * path it is about (`siren must be a SIREN…; password must be…`). A sentence that starts with a field
 * goes next to it; one that names a field otherwise (`a company with SIREN … is already registered`)
 * goes there through `aliases`; the rest is for the whole form.
 */
export function splitApiMessage(message: string, paths: string[], aliases: Record<string, RegExp> = {}): SplitMessage {
  const split: SplitMessage = { fields: {}, general: [] };
  for (const sentence of message
    .split('; ')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const subject = sentence.split(' ')[0];
    const field = paths.includes(subject) ? subject : Object.keys(aliases).find((path) => aliases[path].test(sentence));
    if (field) split.fields[field] = split.fields[field] ? `${split.fields[field]}; ${sentence}` : sentence;
    else split.general.push(sentence);
  }
  return split;
}
