import { z } from 'zod';

/**
 * Clause operators. Which ones a field accepts depends on its type (see OPERATORS_BY_TYPE);
 * `empty`/`notEmpty` take no value, `in`/`notIn` a list, `olderThanDays`/`withinDays` a whole
 * number of days, the rest one value of the field's type.
 */
export const OperatorSchema = z.enum([
  'eq',
  'neq',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'empty',
  'notEmpty',
  'gt',
  'lt',
  'olderThanDays',
  'withinDays',
]);
export type Operator = z.infer<typeof OperatorSchema>;

/** The value types a rule field can have. `enum` is a string from a closed list. */
export const FieldTypeSchema = z.enum(['string', 'enum', 'number', 'boolean', 'date']);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** Operators that fit each field type; the compiler refuses any other pairing. */
export const OPERATORS_BY_TYPE = {
  string: ['eq', 'neq', 'in', 'notIn', 'contains', 'startsWith', 'empty', 'notEmpty'],
  enum: ['eq', 'neq', 'in', 'notIn', 'empty', 'notEmpty'],
  number: ['eq', 'neq', 'in', 'notIn', 'gt', 'lt', 'empty', 'notEmpty'],
  boolean: ['eq', 'neq', 'empty', 'notEmpty'],
  date: ['gt', 'lt', 'olderThanDays', 'withinDays', 'empty', 'notEmpty'],
} as const satisfies Record<FieldType, readonly Operator[]>;

/** Operators that take no value. */
export const VALUELESS_OPERATORS: readonly Operator[] = ['empty', 'notEmpty'];
