import { createZodDto } from 'nestjs-zod';
import { RunPageSchema, RunQuerySchema, RunRecordFilterSchema, RunRecordPageSchema, RunRecordQuerySchema, RunViewSchema, StartRunSchema } from './runs.schema';

// Nest validates bodies and queries and documents OpenAPI through classes; the schemas stay framework-free.
export class StartRunDto extends createZodDto(StartRunSchema) {}
export class RunQueryDto extends createZodDto(RunQuerySchema) {}
export class RunRecordFilterDto extends createZodDto(RunRecordFilterSchema) {}
export class RunRecordQueryDto extends createZodDto(RunRecordQuerySchema) {}
export class RunViewDto extends createZodDto(RunViewSchema) {}
export class RunPageDto extends createZodDto(RunPageSchema) {}
export class RunRecordPageDto extends createZodDto(RunRecordPageSchema) {}
