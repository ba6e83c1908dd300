import { createZodDto } from 'nestjs-zod';
import {
  CreateIntegrationSchema,
  IntegrationPreviewRequestSchema,
  IntegrationPreviewSchema,
  IntegrationViewSchema,
  LoadRunDetailSchema,
  LoadRunErrorsQuerySchema,
  LoadRunPageSchema,
  LoadRunsQuerySchema,
  LoadRunViewSchema,
  UpdateIntegrationSchema,
} from './integrations.schema';

// Nest validates bodies and documents OpenAPI through classes; the schemas stay framework-free.
export class CreateIntegrationDto extends createZodDto(CreateIntegrationSchema) {}
export class UpdateIntegrationDto extends createZodDto(UpdateIntegrationSchema) {}
export class IntegrationViewDto extends createZodDto(IntegrationViewSchema) {}
export class LoadRunViewDto extends createZodDto(LoadRunViewSchema) {}
export class LoadRunDetailDto extends createZodDto(LoadRunDetailSchema) {}
export class LoadRunErrorsQueryDto extends createZodDto(LoadRunErrorsQuerySchema) {}
export class IntegrationPreviewRequestDto extends createZodDto(IntegrationPreviewRequestSchema) {}
export class IntegrationPreviewDto extends createZodDto(IntegrationPreviewSchema) {}
export class LoadRunsQueryDto extends createZodDto(LoadRunsQuerySchema) {}
export class LoadRunPageDto extends createZodDto(LoadRunPageSchema) {}
