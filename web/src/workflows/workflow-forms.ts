import { CreateWorkflowSchema } from '@rolecall/server/api';
import { z } from 'zod';

/** "New workflow": only the name; the graph is the blank Begin and End. */
export const NewWorkflowFormSchema = CreateWorkflowSchema.pick({ name: true });
export type NewWorkflowForm = z.infer<typeof NewWorkflowFormSchema>;

/** "Use template": the name (checked as the server checks it), the credential the blocks call with and the app Begin walks. */
export const TemplateFormSchema = CreateWorkflowSchema.pick({ name: true }).extend({
  credentialId: z.string().min(1, 'Choose a credential'),
  appId: z.string().min(1, 'Choose an app'),
});
export type TemplateForm = z.infer<typeof TemplateFormSchema>;
