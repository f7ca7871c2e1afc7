import type { PolicyRuleDefinition, PolicySeverity } from "~/policy";
import type { AssessmentStatus, Sector, UserRole, VendorTier } from "./schema";

// The demo buyer and its vendors. The answers follow questionnaires/hosted-crm-1.0.0.yaml
// (a test checks every one against it). Hyperscalers appear under their real
// legal names; every other company here is invented.

type Value = string | number | boolean | string[] | Record<string, string | number | boolean | string[]>[];
export type DemoAnswers = Record<string, Value | { na: string }>;

export interface DemoAssessment {
  status: AssessmentStatus;
  startedDaysAgo: number;
  updatedDaysAgo: number;
  submittedDaysAgo?: number;
  finalisedDaysAgo?: number;
  dueInDays: number;
  scope: { subjects: string[]; categories: string[]; sector: Sector; subjectsCount?: number };
  answeredBy: string;
  answers: DemoAnswers;
}

export interface DemoVendor {
  name: string;
  service: string;
  website: string;
  country: string;
  tier: VendorTier | null;
  assessment: DemoAssessment;
}

export const demoOrganisation = { name: "Acme Retail" };

// Demo passwords are public (README, first start); the database keeps only their argon2id hashes.
export const demoUsers: { name: string; email: string; role: UserRole; password: string }[] = [
  { name: "Ada Okafor", email: "admin@acme-retail.example", role: "admin", password: "copper-lantern-harbour-17" },
  { name: "Sam Lindqvist", email: "assessor@acme-retail.example", role: "assessor", password: "quiet-meadow-ledger-42" },
  { name: "Lea Moreau", email: "legal@acme-retail.example", role: "legal-reviewer", password: "amber-statute-window-63" },
  { name: "Victor Hale", email: "viewer@acme-retail.example", role: "viewer", password: "silver-orchard-compass-28" },
];

const acmeScope = {
  subjects: ["DE", "FR", "GB", "CA-QC"],
  categories: ["contact", "commercial"],
  sector: "general" as const,
  subjectsCount: 850_000,
};

/** Security and privacy answers of a careful vendor; others override what differs. */
const carefulVendorPractices: DemoAnswers = {
  "s1.pinning": "contract",
  "s1.change_notice_days": 60,
  "s1.change_objection": true,
  "s2.access_model": "jit",
  "s2.support_restriction": true,
  "s2.tia_shared": "summary",
  "s3.failover_outside": false,
  "s3.backup_encryption": "in_region",
  "s3.backup_retention_days": 35,
  "s3.deleted_persist_days": 35,
  "s3.rpo_hours": 1,
  "s3.rto_hours": 4,
  "s3.last_restore_test": "2026-09-14",
  "s3.restore_logged": true,
  "s4.isolation_model": "schema",
  "s4.single_tenant_available": true,
  "s4.single_tenant_details": "A dedicated database cluster is available on the Enterprise plan.",
  "s4.separation_controls": ["authz_checks", "rls", "tenant_keys", "pentest"],
  "s4.tenant_keys": "vendor_per_tenant",
  "s4.nonprod_copies": "masked",
  "s4.cross_tenant_incidents": false,
  "s5.host_management": "cloud_managed",
  "s5.software_operator": "own_staff",
  "s5.authorisation": "general_objection",
  "s5.notice_days": 30,
  "s5.flow_down": ["security", "confidentiality", "location", "breach_deadline", "audit", "deletion"],
  "s5.oversight": "annual_reports",
  "s5.fourth_parties": true,
  "s5.fourth_parties_disclosed": "all",
  "s5.exit_deletion":
    "Subprocessors delete customer data within 30 days of the end of our contract with them and confirm it in writing; backups age out within 35 days.",
  "s6.old_media": "provider_program",
  "s6.old_media_details":
    "Our cloud provider sanitizes every drive in the data centre before reuse or disposal; we review its SOC 2 report on media handling each year.",
  "s6.sanitization_methods": [
    { media_type: "ssd", method: "crypto_erase", standard: "nist_800_88r2", performed_by: "hosting" },
    { media_type: "hdd", method: "destroy", standard: "nist_800_88r2", performed_by: "hosting" },
  ],
  "s6.crypto_erase": "kms",
  "s6.destruction_records": "shared",
  "s6.media_leaving": "never",
  "s6.migration_encrypted": true,
  "s6.migration_source_days": 30,
  "s6.logical_sanitization":
    "When a tenant moves to new storage, the old volumes are crypto-erased by destroying their keys once the copy is verified.",
  "s7.at_rest": ["database", "files", "indexes", "backups", "logs"],
  "s7.module_validation": "validated",
  "s7.tls_min": "tls12",
  "s7.internal_encryption": true,
  "s7.rotation_days": 365,
  "s8.standing_access_count": 0,
  "s8.strong_auth": ["staff_mfa", "phishing_resistant", "customer_sso", "customer_mfa"],
  "s8.privileged_controls": ["time_limited", "approved", "segregated", "break_glass"],
  "s8.access_review": "quarterly",
  "s8.access_transparency": true,
  "s8.access_log_features": ["export", "reason"],
  "s8.screening": "all",
  "s9.retention_schedule": [
    { data_class: "recycle_bin", retention_days: 30, configurable: true },
    { data_class: "audit_logs", retention_days: 365, configurable: true },
    { data_class: "backups", retention_days: 35, configurable: false },
    { data_class: "support_copies", retention_days: 90, configurable: false },
  ],
  "s9.configurable_purge": true,
  "s9.purge_details": "Retention rules per object type, run nightly.",
  "s9.deletion_horizon": [
    { store: "primary", max_days: 1 },
    { store: "replicas", max_days: 1 },
    { store: "indexes", max_days: 2 },
    { store: "backups", max_days: 35 },
    { store: "logs", max_days: 90 },
  ],
  "s9.export_formats": ["csv", "json", "api", "files"],
  "s9.post_termination_days": 30,
  "s9.deletion_deadline_days": 65,
  "s9.deletion_certificate": true,
  "s9.crypto_shredding": "with_backups",
  "s10.notify_hours": 48,
  "s10.notify_trigger": "confirmed",
  "s10.notice_content": ["nature", "categories", "numbers", "consequences", "measures", "contact", "updates"],
  "s10.subprocessor_notify_hours": 24,
  "s10.ir_plan": true,
  "s10.ir_last_exercise": "2026-06-02",
  "s10.breaches": false,
  "s10.regulatory_actions": false,
  "s11.request_procedure": "published",
  "s11.request_practices": ["legality_review", "challenge", "minimum", "redirect"],
  "s11.mitigations": ["customer_keys", "access_restriction"],
  "s11.transparency_report": true,
  "s11.disclosure_log": true,
  "s12.scope_coverage": "full",
  "s12.soc2_exceptions": false,
  "s12.soc2_subservice": "carve_out",
  "s12.audit_right": "yes",
  "s12.pentest": "yearly_private",
  "s13.consent_records": ["purpose", "basis", "timestamp", "source", "wording", "withdrawal"],
  "s13.channel_preferences": ["email", "phone", "sms", "post"],
  "s13.preference_enforcement": ["campaigns", "one_to_one", "dialer", "api", "global_suppression"],
  "s13.dsr_tooling": ["find", "export", "rectify", "erase", "restrict"],
  "s13.dsr_sla_days": 10,
  "s13.direct_requests": "forward",
  "s13.privacy_by_default": ["field_encryption", "field_visibility", "auto_purge"],
  "s13.gpc": true,
  "s14.own_use": ["service_metadata"],
  "s14.own_use_details": "Aggregated usage metrics (feature use, response times) to run and improve the service; no record content.",
  "s14.sale": "never",
  "s14.deidentification": "no",
  "s14.enrichment": false,
  "s14.marketplace": ["reviewed", "scopes", "admin_approval"],
  "s15.automated_decisions": "none",
  "s15.profiling_controls": ["exclude_contacts", "objections", "block_special"],
};

const northwind: DemoVendor = {
  name: "Northwind CRM GmbH",
  service: "Northwind Cloud CRM",
  website: "https://northwind-crm.example",
  country: "DE",
  tier: "high",
  assessment: {
    status: "finalised",
    startedDaysAgo: 74,
    updatedDaysAgo: 12,
    submittedDaysAgo: 30,
    finalisedDaysAgo: 12,
    dueInDays: -25,
    scope: acmeScope,
    answeredBy: "Greta Vogel, Head of Compliance, Northwind CRM GmbH",
    answers: {
      ...carefulVendorPractices,
      "s0.legal_name": "Northwind CRM GmbH",
      "s0.country": "DE",
      "s0.parties": [
        {
          key: "AWS",
          legal_name: "Amazon Web Services EMEA SARL",
          role: "subprocessor",
          country: "LU",
          service: "Cloud hosting: compute, storage and the key service",
          access: "hosts",
          own_use: false,
          safeguards: ["eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Support-IN",
          legal_name: "Northwind Technologies India Pvt. Ltd.",
          role: "affiliate",
          country: "IN",
          service: "Second-line customer support",
          access: "remote",
          own_use: false,
          safeguards: ["eu-scc", "uk-addendum", "tia"],
          dpa_signed: true,
        },
        {
          key: "SendGrid",
          legal_name: "Twilio Inc.",
          role: "subprocessor",
          country: "US",
          service: "Delivery of transactional and campaign email",
          access: "processes",
          own_use: false,
          safeguards: ["dpf", "dpf-uk", "eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Helpdesk",
          legal_name: "Tessellate Helpdesk Inc.",
          role: "subprocessor",
          country: "US",
          service: "Support ticketing; tickets may contain record excerpts",
          access: "hosts",
          own_use: false,
          safeguards: ["dpf", "dpf-uk", "dpf-ch", "eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Helpdesk-Hosting",
          legal_name: "Amazon Web Services, Inc.",
          role: "subprocessor",
          country: "US",
          engaged_by: "Helpdesk",
          service: "Hosting of the ticketing system",
          access: "hosts",
          own_use: false,
          safeguards: ["dpf", "dpf-uk", "dpf-ch", "eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Azure",
          legal_name: "Microsoft Ireland Operations Limited",
          role: "subprocessor",
          country: "IE",
          service: "Hosted language model behind the email-writing assistant",
          access: "processes",
          own_use: false,
          safeguards: ["eu-scc"],
          dpa_signed: true,
        },
      ],
      "s0.register_url": "https://northwind-crm.example/legal/subprocessors",
      "s1.storage_countries": ["DE"],
      "s1.facilities": [
        {
          operator: "AWS",
          facility_type: "cloud",
          provider_region: "eu-central-1",
          city: "Frankfurt",
          region: "DE",
          data_classes: ["records", "attachments", "indexes"],
        },
      ],
      "s1.pinned_region": ["DE", "IE"],
      "s1.secondary_copies": ["logs", "support"],
      "s1.secondary_copy_locations": [
        { copy_type: "logs", operator: "AWS", region: "IE" },
        { copy_type: "support", operator: "Helpdesk", region: "US" },
        // Helpdesk's own host: the onward chain vendor -> Helpdesk -> Helpdesk-Hosting.
        { copy_type: "support", operator: "Helpdesk-Hosting", region: "US-VA" },
      ],
      "s2.access_locations": [
        { region: "DE", purpose: "operations", follow_the_sun: false },
        { party: "Support-IN", region: "IN", purpose: "support", follow_the_sun: true },
      ],
      "s2.processing_locations": [{ activity: "messaging", party: "SendGrid", region: "US" }],
      "s2.support_restriction_countries": ["DE"],
      "s3.backup_sites": [
        { kind: "backup", operator: "AWS", region: "IE", automatic_failover: false, consent_required: true },
        { kind: "dr_site", operator: "AWS", region: "IE", automatic_failover: true, consent_required: false },
      ],
      "s7.key_model": "byok",
      "s7.key_locations": [{ party: "AWS", kind: "cloud_kms", region: "DE", admin_countries: ["DE"] }],
      "s7.key_revocation": true,
      "s7.revocation_effect": "Revoking our key makes the tenant unreadable within 15 minutes, backups included.",
      "s10.breaches": true,
      "s10.breach_history": [
        {
          date: "2024-03-11",
          kind: "misconfiguration",
          records: 1200,
          customers: 3,
          regulators_notified: true,
          root_cause: "A storage bucket for export files was briefly public.",
          remediation: "fixed",
        },
      ],
      "s11.compelling_laws": [
        { party: "SendGrid", law: "us_cloud_act", country: "US", applies: true },
        { party: "Helpdesk", law: "us_fisa_702", country: "US", applies: true },
      ],
      "s11.transparency_url": "https://northwind-crm.example/transparency",
      "s11.requests_by_country": [{ country: "DE", requests: 4, disclosed: 1 }],
      "s12.certifications": [
        { scheme: "iso27001", issuer: "TÜV Rheinland", valid_until: "2027-05-31" },
        { scheme: "iso27701", issuer: "TÜV Rheinland", valid_until: "2027-05-31" },
        { scheme: "soc2_type2", issuer: "Weiß & Partner Wirtschaftsprüfer", period_end: "2026-06-30" },
      ],
      "s15.ai_in_use": true,
      "s15.ai_features": [
        {
          feature: "Email-writing assistant",
          data_used: ["records", "emails"],
          default_state: "off",
          provider: "Azure",
          region: "SE",
          retention_days: 0,
        },
      ],
      "s15.training": "never",
      "s15.providers_listed": true,
      "s15.ai_governance": ["incident_process", "model_docs"],
    },
  },
};

const bluebird: DemoVendor = {
  name: "Bluebird Customer Cloud, Inc.",
  service: "Bluebird CRM",
  website: "https://bluebird-crm.example",
  country: "US-DE",
  tier: "high",
  assessment: {
    status: "in-review",
    startedDaysAgo: 40,
    updatedDaysAgo: 3,
    submittedDaysAgo: 3,
    dueInDays: 4,
    scope: acmeScope,
    answeredBy: "Marcus Reid, Security Programme Manager, Bluebird Customer Cloud, Inc.",
    answers: {
      ...carefulVendorPractices,
      "s0.legal_name": "Bluebird Customer Cloud, Inc.",
      "s0.country": "US-DE",
      "s0.vendor_safeguards": ["dpf", "dpf-uk", "eu-scc"],
      "s0.parties": [
        {
          key: "AWS",
          legal_name: "Amazon Web Services, Inc.",
          role: "subprocessor",
          country: "US",
          service: "Cloud hosting",
          access: "hosts",
          own_use: false,
          safeguards: ["dpf", "dpf-uk", "dpf-ch", "eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Support-PH",
          legal_name: "Bluebird Support Services Philippines, Inc.",
          role: "affiliate",
          country: "PH",
          service: "Follow-the-sun customer support",
          access: "remote",
          own_use: false,
          safeguards: ["eu-scc"],
          dpa_signed: true,
        },
        {
          key: "Relaymail",
          legal_name: "Relaymail Technologies, Inc.",
          role: "subprocessor",
          country: "US",
          service: "Email delivery",
          access: "processes",
          own_use: false,
          dpa_signed: true,
        },
        {
          key: "Lumen-AI",
          legal_name: "Lumen Language Systems, Inc.",
          role: "subprocessor",
          country: "US",
          service: "Lead scoring and call summaries",
          access: "processes",
          own_use: true,
          safeguards: ["eu-scc"],
          dpa_signed: true,
        },
      ],
      "s1.storage_countries": ["US-VA"],
      "s1.facilities": [
        {
          operator: "AWS",
          facility_type: "cloud",
          provider_region: "us-east-1",
          city: "Ashburn",
          region: "US-VA",
          data_classes: ["records", "attachments", "indexes", "logs"],
        },
      ],
      "s1.pinning": "setting",
      "s1.pinned_region": ["US", "CA"],
      "s1.secondary_copies": ["search"],
      "s1.secondary_copy_locations": [{ copy_type: "search", operator: "AWS", region: "US-OR" }],
      "s1.change_notice_days": 14,
      "s2.access_locations": [
        { region: "US", purpose: "engineering", follow_the_sun: false },
        { party: "Support-PH", region: "PH", purpose: "support", follow_the_sun: true },
      ],
      "s2.processing_locations": [{ activity: "messaging", party: "Relaymail", region: "US" }],
      "s2.access_model": "standing",
      "s2.support_restriction": false,
      "s2.tia_shared": "none",
      "s3.backup_sites": [
        { kind: "backup", operator: "AWS", region: "CA-QC", automatic_failover: false, consent_required: false },
      ],
      "s4.isolation_model": "row",
      "s4.tenant_keys": "shared",
      "s7.key_model": "vendor",
      "s7.key_locations": [{ party: "AWS", kind: "cloud_kms", region: "US-VA", admin_countries: ["US"] }],
      "s8.standing_access_count": 14,
      "s8.access_review": "yearly",
      "s10.notify_hours": 96,
      "s11.compelling_laws": [
        { law: "us_cloud_act", country: "US", applies: true },
        { law: "us_fisa_702", country: "US", applies: true },
      ],
      "s11.mitigations": ["none"],
      "s11.transparency_report": false,
      "s12.certifications": [{ scheme: "soc2_type2", issuer: "Harbor & Quill LLP", period_end: "2026-03-31" }],
      "s12.soc2_exceptions": true,
      "s12.audit_right": "reports_only",
      "s14.sale": "aggregate",
      "s15.ai_in_use": true,
      "s15.ai_features": [
        {
          feature: "Lead scoring",
          data_used: ["records", "emails"],
          default_state: "on",
          provider: "Lumen-AI",
          region: "US",
          retention_days: 30,
        },
        {
          feature: "Call summaries",
          data_used: ["calls", "notes"],
          default_state: "on",
          provider: "Lumen-AI",
          region: "US",
          retention_days: 30,
        },
      ],
      "s15.training": "opt_out",
      "s15.providers_listed": true,
      "s15.automated_decisions": "with_review",
      "s15.decision_safeguards": ["human_review"],
      "s15.ai_governance": ["model_docs"],
    },
  },
};

const maple: DemoVendor = {
  name: "Maple Ledger CRM Inc.",
  service: "Maple Ledger",
  website: "https://mapleledger.example",
  country: "CA-ON",
  tier: "medium",
  assessment: {
    status: "in-progress",
    startedDaysAgo: 9,
    updatedDaysAgo: 1,
    dueInDays: 21,
    scope: { subjects: ["CA-QC", "CA-ON", "CA-BC"], categories: ["contact", "commercial", "financial"], sector: "general", subjectsCount: 120_000 },
    answeredBy: "Chloé Tremblay, Privacy Officer, Maple Ledger CRM Inc.",
    answers: {
      "s0.legal_name": "Maple Ledger CRM Inc.",
      "s0.country": "CA-ON",
      "s0.vendor_safeguards": ["contract"],
      "s0.parties": [
        {
          key: "Azure-CA",
          legal_name: "Microsoft Canada Inc.",
          role: "subprocessor",
          country: "CA-ON",
          service: "Cloud hosting",
          access: "hosts",
          own_use: false,
          safeguards: ["contract"],
          dpa_signed: true,
        },
        {
          key: "Cedar-Support",
          legal_name: "Cedar Outsourcing LLC",
          role: "subprocessor",
          country: "US-WA",
          service: "Overnight support desk",
          access: "remote",
          own_use: false,
          safeguards: ["contract"],
          dpa_signed: true,
        },
      ],
      "s1.storage_countries": ["CA-ON"],
      "s1.facilities": [
        { operator: "Azure-CA", facility_type: "cloud", provider_region: "Canada Central", city: "Toronto", region: "CA-ON", data_classes: ["records", "attachments", "indexes"] },
      ],
      "s1.pinning": "contract",
      "s1.pinned_region": ["CA"],
      "s1.secondary_copies": ["none"],
      "s1.change_notice_days": 90,
      "s1.change_objection": true,
      "s2.access_locations": [
        { region: "CA-ON", purpose: "operations", follow_the_sun: false },
        { party: "Cedar-Support", region: "US-WA", purpose: "support", follow_the_sun: true },
      ],
      "s2.access_model": "jit",
      "s2.support_restriction": false,
      "s3.backup_sites": [
        { kind: "backup", operator: "Azure-CA", region: "CA-QC", automatic_failover: false, consent_required: true },
      ],
    },
  },
};

const kairos: DemoVendor = {
  name: "Kairos Relations K.K.",
  service: "Kairos CX Suite",
  website: "https://kairos-cx.example",
  country: "JP",
  tier: "low",
  assessment: {
    status: "sent",
    startedDaysAgo: 2,
    updatedDaysAgo: 2,
    dueInDays: 28,
    scope: { subjects: ["JP", "SG"], categories: ["contact"], sector: "general", subjectsCount: 40_000 },
    answeredBy: "",
    answers: {},
  },
};

export const demoVendors: DemoVendor[] = [northwind, bluebird, maple, kairos];

/** Acme Retail's own residency policy: stricter than the law, labelled as policy wherever it shows. */
export const demoPolicyRules: { name: string; severity: PolicySeverity; definition: PolicyRuleDefinition }[] = [
  {
    name: "EU customers' data is stored and backed up in the EEA",
    severity: "high",
    definition: {
      kind: "uses-within",
      subjects: { sets: ["eu"], regions: [] },
      uses: ["storage", "backup"],
      allowed: { sets: ["eea"], regions: [] },
    },
  },
  {
    name: "No support access from outside the EEA and the UK",
    severity: "medium",
    definition: { kind: "access-within", subjects: null, allowed: { sets: ["eea"], regions: ["GB"] } },
  },
];
