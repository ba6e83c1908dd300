import { createZodDto } from 'nestjs-zod';
import { AllRunsPageSchema, AllRunsQuerySchema } from './all-runs.schema';

// Nest validates queries and documents OpenAPI through classes; the schemas stay framework-free.
export class AllRunsQueryDto extends createZodDto(AllRunsQuerySchema) {}
export class AllRunsPageDto extends createZodDto(AllRunsPageSchema) {}
