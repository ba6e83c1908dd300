import { createZodDto } from 'nestjs-zod';
import { CompileRefsSchema, CreateWorkflowSchema, UpdateWorkflowSchema, ValidationOkSchema, WorkflowListItemSchema, WorkflowVersionViewSchema, WorkflowViewSchema } from './workflows.schema';

// Nest validates bodies and documents OpenAPI through classes; the schemas stay framework-free.
export class CreateWorkflowDto extends createZodDto(CreateWorkflowSchema) {}
export class UpdateWorkflowDto extends createZodDto(UpdateWorkflowSchema) {}
export class WorkflowViewDto extends createZodDto(WorkflowViewSchema) {}
export class WorkflowVersionViewDto extends createZodDto(WorkflowVersionViewSchema) {}
export class ValidationOkDto extends createZodDto(ValidationOkSchema) {}
export class CompileRefsDto extends createZodDto(CompileRefsSchema) {}
export class WorkflowListItemDto extends createZodDto(WorkflowListItemSchema) {}
