/**
 * Write-back to a practice's EHR: approved months and their addenda, as FHIR
 * transaction Bundles, authorised with SMART Backend Services. Queued in the
 * approval's transaction (outbox.ts), sent by the ehr.writeback job
 * (deliver.ts), failures kept for the practice admin.
 */
export { queueAddendaWriteBacks, queueMonthWriteBack, requeueWriteBack } from './outbox.js';
export { deliverWriteBack, MAX_WRITEBACK_ATTEMPTS, type WriteBackDeps } from './deliver.js';
export { clientAssertion, createSmartAuth, type SmartAuth } from './smart-auth.js';
export { describeKeySource, loadPrivateKey } from './private-key.js';
export { EhrFailure, type EhrFailureKind } from './failure.js';
export { addendumIdentifier, identifierSearch, noteIdentifier, writeBackBundle, type WriteBackInput } from './bundle.js';
export { readChart, type ChartRead } from './chart.js';
export { chartPreview, DOSE_NOT_GIVEN, ICD10_CM_SYSTEM, type ChartCondition, type ChartMedication, type ChartPreview } from './chart-map.js';
