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
 * A validation refusal lists each rule broken, separated by "; ", each starting with the field path it
 * is about (`siren must be a SIREN…; password must be…`): each goes next to its field. Any other
 * refusal is one sentence (which may hold a "; " of its own): it goes next to the field it names
 * through `aliases` (`a company with SIREN … is already registered` → siren), else to the whole form.
 */
export function splitApiMessage(message: string, paths: string[], aliases: Record<string, RegExp> = {}): SplitMessage {
  const split: SplitMessage = { fields: {}, general: [] };
  const subjectOf = (sentence: string) => {
    const subject = sentence.split(' ')[0];
    return paths.includes(subject) ? subject : undefined;
  };
  const sentences = message.split('; ').map((part) => part.trim());
  if (!sentences.some(subjectOf)) {
    const field = Object.keys(aliases).find((path) => aliases[path].test(message));
    if (field) split.fields[field] = message;
    else split.general.push(message);
    return split;
  }
  for (const sentence of sentences.filter(Boolean)) {
    const field = subjectOf(sentence);
    if (field) split.fields[field] = split.fields[field] ? `${split.fields[field]}; ${sentence}` : sentence;
    else split.general.push(sentence);
  }
  return split;
}
