import { zodResolver } from '@hookform/resolvers/zod';
import { usePlainValidationMessages } from '@rolecall/presets/catalog';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

// Forms parse with the server's zod schemas; their messages should read as the server's do. Set
// here, where every schema-checked form passes, so zod stays in the lazily loaded form chunks.
usePlainValidationMessages();

/** A problem the schema alone cannot see (it depends on the preset), at the body's path. */
export type BodyIssue = { path: string[]; message: string };

/**
 * react-hook-form's zod resolver run on the body the form would send, not on its raw inputs:
 * inputs hold '' for "not set" where the API wants the key left out. Issue paths are the body's,
 * so the form names its inputs after the body's keys (`fields.apiKey`) and errors land beside them.
 * `check` adds the server's preset-aware checks, so every problem shows at once.
 */
export function bodyResolver<TForm extends FieldValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toBody: (form: TForm) => z.input<TSchema>,
  check: (body: z.input<TSchema>) => BodyIssue[] = () => [],
): Resolver<TForm, unknown, z.output<TSchema>> {
  // The resolver is typed for forms whose values are the schema's input; ours map onto it first.
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<TSchema>>;
  return async (values, context, options) => {
    const body = toBody(values);
    const result = await resolve(body as FieldValues, context, options as never);
    const extra = check(body);
    if (extra.length === 0) return result as never;
    const errors = { ...result.errors } as Record<string, unknown>;
    for (const issue of extra) setAt(errors, issue.path, { type: 'server-rule', message: issue.message });
    return { values: {}, errors: errors as FieldErrors<TForm> } as never;
  };
}

function setAt(target: Record<string, unknown>, path: string[], error: FieldError): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] ??= error;
    return;
  }
  const next = (target[head] ??= {}) as Record<string, unknown>;
  setAt(next, rest, error);
}
