-- Starting reasons for each decision outcome, which admins edit in Settings.
INSERT INTO "decision_reasons" ("id", "outcome", "label", "sortOrder") VALUES
  (gen_random_uuid(), 'APPROVE', 'Identity confirmed: face matches document', 10),
  (gen_random_uuid(), 'APPROVE', 'Identity confirmed after additional questions', 20),
  (gen_random_uuid(), 'REJECT', 'Face does not match the document', 10),
  (gen_random_uuid(), 'REJECT', 'Document appears forged or altered', 20),
  (gen_random_uuid(), 'REJECT', 'Document expired', 30),
  (gen_random_uuid(), 'REJECT', 'Suspected coercion or third-party presence', 40),
  (gen_random_uuid(), 'REQUEST_RESUBMISSION', 'Photos unreadable or blurred', 10),
  (gen_random_uuid(), 'REQUEST_RESUBMISSION', 'Call quality too poor to verify', 20),
  (gen_random_uuid(), 'REQUEST_RESUBMISSION', 'Document side missing', 30),
  (gen_random_uuid(), 'ABORT', 'Client ended the call', 10),
  (gen_random_uuid(), 'ABORT', 'Client requested to stop', 20),
  (gen_random_uuid(), 'ABORT', 'Technical failure', 30);

INSERT INTO "settings" ("key", "value", "updatedAt") VALUES ('fourEyesForAll', 'false', CURRENT_TIMESTAMP);
