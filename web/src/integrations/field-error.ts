/** The API's complaint about `path` or anything under it (`schedule` covers `schedule.every`). */
export function errorFor(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
