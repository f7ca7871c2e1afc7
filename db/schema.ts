import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A buyer organisation: the tenant. Every other row belongs to exactly one. */
export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const userRoles = ["admin", "assessor", "legal-reviewer", "viewer"] as const;
export type UserRole = (typeof userRoles)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    /** argon2id PHC string; null means the user cannot sign in with a password. */
    passwordHash: text("password_hash"),
    /** TOTP secret sealed with the app key (app/auth/seal.server.ts), never stored in clear. */
    totpSecret: text("totp_secret"),
    totpEnabled: integer("totp_enabled", { mode: "boolean" }).notNull().default(false),
    /** Last accepted TOTP time step: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: integer("totp_last_step"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const vendorTiers = ["high", "medium", "low"] as const;
export type VendorTier = (typeof vendorTiers)[number];

export const vendors = sqliteTable(
  "vendors",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /** The CRM product being assessed, e.g. "Northwind Cloud CRM". */
    service: text("service").notNull(),
    website: text("website"),
    /** ISO 3166 region (country or subdivision) where the contracting legal entity is established. */
    country: text("country"),
    tier: text("tier", { enum: vendorTiers }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("vendors_org_name_unique").on(t.organisationId, t.name),
    index("vendors_org_updated").on(t.organisationId, t.updatedAt),
  ],
);

export const assessmentStatuses = [
  "draft",
  "sent",
  "in-progress",
  "submitted",
  "in-review",
  "returned",
  "finalised",
] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const sectors = ["general", "health", "finance", "public"] as const;
export type Sector = (typeof sectors)[number];

/**
 * One due-diligence cycle of one vendor. Pins the questionnaire it was started
 * with (id, version, content hash) so a newer questionnaire never changes what
 * was asked. The scope columns are the buyer's side of the DataMap.
 */
export const assessments = sqliteTable(
  "assessments",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => vendors.id),
    questionnaireId: text("questionnaire_id").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    questionnaireHash: text("questionnaire_hash").notNull(),
    /** Regions (ISO 3166-1 or 3166-2) where the buyer's data subjects are. */
    scopeSubjects: text("scope_subjects", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    scopeCategories: text("scope_categories", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    scopeSector: text("scope_sector", { enum: sectors }).notNull().default("general"),
    scopeSubjectsCount: integer("scope_subjects_count"),
    status: text("status", { enum: assessmentStatuses }).notNull().default("draft"),
    dueDate: text("due_date"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    finalisedAt: integer("finalised_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("assessments_org_vendor").on(t.organisationId, t.vendorId),
    index("assessments_vendor_updated").on(t.vendorId, t.updatedAt),
  ],
);

/**
 * The current answer to one question of one assessment. `revision` grows by
 * one on every write, so a writer that read revision N and finds N+1 knows
 * someone else saved in between (see app/answers).
 */
export const answers = sqliteTable(
  "answers",
  {
    id: text("id").primaryKey(),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    questionId: text("question_id").notNull(),
    value: text("value", { mode: "json" }).$type<unknown>(),
    naReason: text("na_reason"),
    revision: integer("revision").notNull().default(1),
    answeredByUserId: text("answered_by_user_id").references(() => users.id),
    /** Display name of whoever answered: a user or a vendor contact. */
    answeredBy: text("answered_by").notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("answers_assessment_question").on(t.assessmentId, t.questionId)],
);

/**
 * Append-only log of everything that happened. Triggers in the migrations
 * refuse UPDATE and DELETE on this table.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id").references(() => assessments.id),
    actorUserId: text("actor_user_id").references(() => users.id),
    actor: text("actor").notNull(),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /**
     * The hash chain (app/audit/chain.ts): the previous row's hash and this row's
     * hash over its canonical form. Set by recordEvent; a trigger refuses rows without.
     */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("events_assessment").on(t.assessmentId, t.id),
    // Two rows chained to the same predecessor would fork the trail.
    uniqueIndex("events_prev_hash_unique").on(t.prevHash),
  ],
);

export const policySeverityLevels = ["low", "medium", "high", "critical"] as const;

/**
 * One rule of an organisation's own residency policy. `definition` is the
 * rule's typed body (app/policy/rules.ts), parsed with zod whenever it is read.
 */
export const policyRules = sqliteTable(
  "policy_rules",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    severity: text("severity", { enum: policySeverityLevels }).notNull().default("high"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    definition: text("definition", { mode: "json" }).$type<unknown>().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("policy_rules_org_created").on(t.organisationId, t.createdAt)],
);

/**
 * A signed-in browser. The cookie carries a random token; only its sha256 is
 * stored here, so a copy of the database cannot be used to sign in.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Password accepted, TOTP code still owed: such a session grants nothing. */
    secondFactorPending: integer("second_factor_pending", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const loginOutcomes = ["succeeded", "failed", "throttled"] as const;
export type LoginOutcome = (typeof loginOutcomes)[number];

/** Every sign-in attempt, for throttling by email and by IP (docs/decisions/010). */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    outcome: text("outcome", { enum: loginOutcomes }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_email").on(t.email, t.createdAt),
    index("login_attempts_ip").on(t.ip, t.createdAt),
  ],
);

/** Hits on rate-limited actions other than sign-in (password reset requests, vendor links). */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_hits_bucket_key").on(t.bucket, t.key, t.createdAt)],
);

/** A password reset link: only the sha256 of its token is stored. */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("password_reset_tokens_user").on(t.userId)],
);

/** Mail kept in the app when no SMTP server is configured (SMTP_URL unset); admins read it at /outbox. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_org_created").on(t.organisationId, t.createdAt)],
);

/**
 * A vendor contact's link to one assessment's portal (docs/decisions/012).
 * The link carries 256 random bits; only their sha256 is kept here.
 */
export const vendorInvitations = sqliteTable(
  "vendor_invitations",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    contactName: text("contact_name").notNull(),
    /** Lower case: one live link per contributor and assessment. */
    contactEmail: text("contact_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedByUserId: text("revoked_by_user_id").references(() => users.id),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("vendor_invitations_token_hash").on(t.tokenHash),
    index("vendor_invitations_assessment").on(t.assessmentId, t.createdAt),
    uniqueIndex("vendor_invitations_one_live_per_contact")
      .on(t.assessmentId, t.contactEmail)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * An uploaded evidence file: the bytes live encrypted under EVIDENCE_DIR
 * (app/evidence); the row keeps what was checked and the checksum, also after
 * the retention policy purged the file (`purgedAt`).
 */
export const evidenceFiles = sqliteTable(
  "evidence_files",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    questionId: text("question_id").notNull(),
    fileName: text("file_name").notNull(),
    kind: text("kind").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedByUserId: text("uploaded_by_user_id").references(() => users.id),
    uploadedByInvitationId: text("uploaded_by_invitation_id").references(() => vendorInvitations.id),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: createdAt(),
    purgedAt: integer("purged_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("evidence_files_assessment").on(t.assessmentId, t.createdAt)],
);

export const commentVisibilities = ["internal", "shared"] as const;
export type CommentVisibility = (typeof commentVisibilities)[number];

/** A comment on one question: internal (the buyer's staff only) or shared with the vendor. */
export const questionComments = sqliteTable(
  "question_comments",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    questionId: text("question_id").notNull(),
    visibility: text("visibility", { enum: commentVisibilities }).notNull(),
    body: text("body").notNull(),
    authorUserId: text("author_user_id").references(() => users.id),
    authorInvitationId: text("author_invitation_id").references(() => vendorInvitations.id),
    author: text("author").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("question_comments_assessment").on(t.assessmentId, t.questionId, t.createdAt)],
);

/** A question the reviewer sent back to the vendor, with what they asked for; resolved when the vendor submits again. */
export const questionReturns = sqliteTable(
  "question_returns",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    questionId: text("question_id").notNull(),
    request: text("request").notNull(),
    returnedByUserId: text("returned_by_user_id")
      .notNull()
      .references(() => users.id),
    returnedBy: text("returned_by").notNull(),
    /** The answer's revision when it was returned (0: unanswered), to tell whether the vendor changed it. */
    answerRevision: integer("answer_revision").notNull(),
    createdAt: createdAt(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("question_returns_assessment").on(t.assessmentId, t.createdAt)],
);

/** Who submitted an assessment on the vendor's behalf, with what statement, and when. */
export const attestations = sqliteTable(
  "attestations",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    invitationId: text("invitation_id").references(() => vendorInvitations.id),
    name: text("name").notNull(),
    title: text("title").notNull(),
    statement: text("statement").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("attestations_assessment").on(t.assessmentId, t.createdAt)],
);

export const signOffDecisions = ["approved", "approved-with-conditions", "rejected"] as const;
export type SignOffDecision = (typeof signOffDecisions)[number];

/** The legal reviewer's decision that finalised an assessment. */
export const signOffs = sqliteTable(
  "sign_offs",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    decision: text("decision", { enum: signOffDecisions }).notNull(),
    conditions: text("conditions"),
    note: text("note"),
    /** What the score recommended when the reviewer decided; null when it could not be scored. */
    recommendedDecision: text("recommended_decision", { enum: signOffDecisions }),
    reviewerUserId: text("reviewer_user_id")
      .notNull()
      .references(() => users.id),
    reviewerName: text("reviewer_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_offs_assessment").on(t.assessmentId, t.createdAt)],
);

/** A finding whose risk the buyer accepted: who, why, and until when. */
export const riskAcceptances = sqliteTable(
  "risk_acceptances",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    findingId: text("finding_id").notNull(),
    findingTitle: text("finding_title").notNull(),
    findingSeverity: text("finding_severity").notNull(),
    reason: text("reason").notNull(),
    /** YYYY-MM-DD: the acceptance lapses after this day. */
    acceptedUntil: text("accepted_until").notNull(),
    acceptedByUserId: text("accepted_by_user_id")
      .notNull()
      .references(() => users.id),
    acceptedBy: text("accepted_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("risk_acceptances_assessment").on(t.assessmentId, t.findingId, t.createdAt)],
);

/** Settings an organisation's administrators change; one row per organisation, created on first save. */
export const organisationSettings = sqliteTable("organisation_settings", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  /** Days after finalising that evidence files are purged; null keeps them. */
  evidenceRetentionDays: integer("evidence_retention_days"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedByUserId: text("updated_by_user_id").references(() => users.id),
});

export const decisionOutcomes = ["approve", "approve-with-conditions", "reject"] as const;
export type DecisionOutcomeValue = (typeof decisionOutcomes)[number];

/**
 * One row per vendor: what the portfolio page lists, kept so that it never
 * scores assessments per request (docs/decisions/013). Derived from the
 * vendor's assessments, their score and sign-off; triggers (migration 0007)
 * mark a row stale whenever an assessment is added or changes state, and
 * app/models/portfolio.server.ts refreshes stale rows.
 */
export const portfolioEntries = sqliteTable(
  "portfolio_entries",
  {
    vendorId: text("vendor_id")
      .primaryKey()
      .references(() => vendors.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    latestAssessmentId: text("latest_assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    latestStatus: text("latest_status", { enum: assessmentStatuses }),
    latestDueDate: text("latest_due_date"),
    /** The assessment whose score the row shows: the last finalised one, else the last submitted one. */
    basisAssessmentId: text("basis_assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    basis: text("basis", { enum: ["finalised", "submitted"] }),
    tier: text("tier", { enum: vendorTiers }),
    decision: text("decision", { enum: decisionOutcomes }),
    /** Whether `decision` is the legal reviewer's sign-off or only the score's recommendation. */
    decisionSource: text("decision_source", { enum: ["sign-off", "recommended"] }),
    /** Findings of the basis score, less those whose risk is accepted. */
    openFindings: integer("open_findings").notNull().default(0),
    knockouts: integer("knockouts").notNull().default(0),
    residualRisk: real("residual_risk"),
    /** YYYY-MM-DD */
    lastReviewedOn: text("last_reviewed_on"),
    nextReviewOn: text("next_review_on"),
    /** The first day a risk acceptance counted in `openFindings` lapses: the row is stale from then. */
    acceptanceLapsesOn: text("acceptance_lapses_on"),
    stale: integer("stale", { mode: "boolean" }).notNull().default(true),
    refreshedAt: integer("refreshed_at", { mode: "timestamp_ms" }),
    /**
     * The catalogue and scoring method a live score was computed under
     * ("rules@method"); null for rows judged by a frozen score. Rows scored
     * under older rules are marked stale when the server starts.
     */
    scoredUnder: text("scored_under"),
  },
  (t) => [
    index("portfolio_entries_org_next_review").on(t.organisationId, t.nextReviewOn),
    index("portfolio_entries_org_tier").on(t.organisationId, t.tier, t.nextReviewOn),
    index("portfolio_entries_org_decision").on(t.organisationId, t.decision, t.nextReviewOn),
    index("portfolio_entries_org_status").on(t.organisationId, t.latestStatus),
    index("portfolio_entries_org_findings").on(t.organisationId, t.openFindings),
    index("portfolio_entries_org_risk").on(t.organisationId, t.residualRisk),
    index("portfolio_entries_org_stale").on(t.organisationId, t.stale),
    index("portfolio_entries_org_lapses").on(t.organisationId, t.acceptanceLapsesOn),
    // The default order, most urgent review first and vendors never reviewed last, read straight off the index.
    index("portfolio_entries_org_review_order").on(t.organisationId, sql`(${t.nextReviewOn} is null)`, t.nextReviewOn),
  ],
);

/** How often each tier of vendor is reassessed; an organisation without rows uses the defaults (app/portfolio/cadence.ts). */
export const reviewCadences = sqliteTable(
  "review_cadences",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    tier: text("tier", { enum: vendorTiers }).notNull(),
    months: integer("months").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.tier] })],
);

/**
 * An answer carried over from the previous cycle into a new assessment: what
 * it was, so the vendor can confirm it or the change shows.
 */
export const answerCarryovers = sqliteTable(
  "answer_carryovers",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    questionId: text("question_id").notNull(),
    fromAssessmentId: text("from_assessment_id")
      .notNull()
      .references(() => assessments.id),
    value: text("value", { mode: "json" }).$type<unknown>(),
    naReason: text("na_reason"),
    /** answerFingerprint of the carried answer: a different current fingerprint means it changed. */
    fingerprint: text("fingerprint").notNull(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    confirmedByUserId: text("confirmed_by_user_id").references(() => users.id),
    confirmedBy: text("confirmed_by"),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

export const jobStates = ["queued", "running", "succeeded", "failed"] as const;
export type JobState = (typeof jobStates)[number];

/**
 * A long operation (a workbook import, a bulk export, re-scoring the
 * portfolio) run by the server in the background; its progress is read from
 * here by a page that refreshes itself.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").notNull(),
    assessmentId: text("assessment_id").references(() => assessments.id),
    state: text("state", { enum: jobStates }).notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    stage: text("stage"),
    error: text("error"),
    input: text("input", { mode: "json" }).$type<unknown>(),
    result: text("result", { mode: "json" }).$type<unknown>(),
    /** An uploaded workbook, or the file an export produced. */
    file: blob("file", { mode: "buffer" }),
    fileName: text("file_name"),
    fileType: text("file_type"),
    createdByUserId: text("created_by_user_id").references(() => users.id),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("jobs_org_created").on(t.organisationId, t.createdAt)],
);

/** Reminders already mailed, so a reminder run sends each one once. */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").notNull(),
    /** The assessment or vendor the reminder is about. */
    subjectId: text("subject_id").notNull(),
    /** The date it is about (the due date or the review date), YYYY-MM-DD. */
    aboutDate: text("about_date").notNull(),
    recipient: text("recipient").notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("reminders_sent_once").on(t.kind, t.subjectId, t.aboutDate, t.recipient)],
);

export const scoreVersionReasons = ["finalised", "re-scored"] as const;
export type ScoreVersionReason = (typeof scoreVersionReasons)[number];

/**
 * A frozen score of one assessment (docs/decisions/011-report.md): written when
 * it is finalised and on every explicit re-score, never changed afterwards
 * (triggers refuse UPDATE and DELETE). `snapshot` holds every input its report
 * is built from (answers, DataMap, flows, policy findings, ScoreResult, the
 * catalogue's sources), so the report comes out byte for byte the same after
 * the rules move on; the columns beside it are what lists and diffs read.
 */
export const scoreVersions = sqliteTable(
  "score_versions",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id),
    /** 1, 2, 3 ... per assessment. */
    version: integer("version").notNull(),
    reason: text("reason", { enum: scoreVersionReasons }).notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    questionnaireHash: text("questionnaire_hash").notNull(),
    rulesVersion: text("rules_version").notNull(),
    methodVersion: text("method_version").notNull(),
    /** YYYY-MM-DD: the date dated answers were judged against. */
    asOf: text("as_of").notNull(),
    decision: text("decision", { enum: ["approve", "approve-with-conditions", "reject"] }),
    tier: text("tier", { enum: vendorTiers }),
    snapshot: text("snapshot", { mode: "json" }).$type<unknown>().notNull(),
    /** diffScores from the previous version to this one; null for the first. */
    changes: text("changes", { mode: "json" }).$type<unknown>(),
  },
  (t) => [uniqueIndex("score_versions_assessment_version").on(t.assessmentId, t.version)],
);
