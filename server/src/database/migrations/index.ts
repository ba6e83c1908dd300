import { CreateAuditEvent1764150000000 } from './1764150000000-CreateAuditEvent';
import { CreateCredential1764160000000 } from './1764160000000-CreateCredential';
import { CreateInventory1764300000000 } from './1764300000000-CreateInventory';
import { CreateIntegrations1764400000000 } from './1764400000000-CreateIntegrations';
import { CreateVendorPacing1764500000000 } from './1764500000000-CreateVendorPacing';
import { CreateWorkflowEngine1764600000000 } from './1764600000000-CreateWorkflowEngine';

/** Every migration in order. Landed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [CreateAuditEvent1764150000000, CreateCredential1764160000000, CreateInventory1764300000000, CreateIntegrations1764400000000, CreateVendorPacing1764500000000, CreateWorkflowEngine1764600000000];
