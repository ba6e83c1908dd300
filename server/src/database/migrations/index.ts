import { CreateAuditEvent1764150000000 } from './1764150000000-CreateAuditEvent';
import { CreateCredential1764160000000 } from './1764160000000-CreateCredential';
import { CreateInventory1764300000000 } from './1764300000000-CreateInventory';
import { CreateIntegrations1764400000000 } from './1764400000000-CreateIntegrations';
import { CreateVendorPacing1764500000000 } from './1764500000000-CreateVendorPacing';
import { VendorPacingRequestLog1764510000000 } from './1764510000000-VendorPacingRequestLog';
import { DurableLoads1764600000000 } from './1764600000000-DurableLoads';
import { CredentialTargetAad1764610000000 } from './1764610000000-CredentialTargetAad';
import { CreateInstallation1764700000000 } from './1764700000000-CreateInstallation';
import { LoadCorrectness1764800000000 } from './1764800000000-LoadCorrectness';
import { AdminListIndexes1764900000000 } from './1764900000000-AdminListIndexes';
import { CreateWorkflowEngine1764910000000 } from './1764910000000-CreateWorkflowEngine';
import { CreateAuth1764920000000 } from './1764920000000-CreateAuth';
import { WorkflowRunFinishedIndex1764930000000 } from './1764930000000-WorkflowRunFinishedIndex';
import { SignInFailureIndex1764970000000 } from './1764970000000-SignInFailureIndex';
import { WorkflowVersionGraph1764980000000 } from './1764980000000-WorkflowVersionGraph';

/** Every migration in order. Landed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [
  CreateAuditEvent1764150000000,
  CreateCredential1764160000000,
  CreateInventory1764300000000,
  CreateIntegrations1764400000000,
  CreateVendorPacing1764500000000,
  VendorPacingRequestLog1764510000000,
  DurableLoads1764600000000,
  CredentialTargetAad1764610000000,
  CreateInstallation1764700000000,
  LoadCorrectness1764800000000,
  AdminListIndexes1764900000000,
  CreateWorkflowEngine1764910000000,
  CreateAuth1764920000000,
  WorkflowRunFinishedIndex1764930000000,
  SignInFailureIndex1764970000000,
  WorkflowVersionGraph1764980000000,
];
