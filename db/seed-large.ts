import { hashPasswordSync } from "~/auth/password.server";
import { deriveDataMap } from "~/datamap/derive";
import type { Category, Scope } from "~/datamap/schema";
import { defaultCadence, isoDay, nextReviewOn } from "~/portfolio/cadence";
import { summariseScore } from "~/portfolio/summary";
import type { Answers } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { assessDataMap } from "~/residency";
import { scoreAssessment, type ScoreResult } from "~/scoring";
import type { DB } from "./database";
import { newId } from "./ids";
import type { AssessmentStatus, UserRole } from "./schema";
import { demoVendors, type DemoAnswers } from "./seed-demo-data";

// A large portfolio for the bench and for trying the portfolio page at scale:
// one organisation with thousands of vendors and assessments in every state,
// tier and decision, with review dates spread around today. Only an empty
// database is accepted, so the demo can never be overwritten. Fast: prepared
// statements in one transaction, and each distinct answer set is scored once.

export const largeOrganisation = { name: "Globex Holdings" };

// Public, like the demo's: they only open a generated benchmark database.
export const largeUsers: { name: string; email: string; role: UserRole; password: string }[] = [
  { name: "Greta Admin", email: "admin@globex.example", role: "admin", password: "globex-admin-portfolio-01" },
  { name: "Omar Assessor", email: "assessor@globex.example", role: "assessor", password: "globex-assessor-portfolio-02" },
  { name: "Lena Legal", email: "legal@globex.example", role: "legal-reviewer", password: "globex-legal-portfolio-03" },
  { name: "Vic Viewer", email: "viewer@globex.example", role: "viewer", password: "globex-viewer-portfolio-04" },
];

export interface LargeSeedOptions {
  vendors?: number;
  assessments?: number;
  now?: Date;
  /** Seed of the pseudo-random choices: the same seed gives the same portfolio. */
  seed?: number;
}

export interface LargeSeedResult {
  organisationId: string;
  vendors: number;
  assessments: number;
  answers: number;
}

const DAY = 86_400_000;

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nameStarts = ["Acorn", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quartz", "Raven", "Summit", "Tundra", "Umber", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr"];
const nameMiddles = ["Cloud", "Relations", "Contact", "Pipeline", "Ledger", "Signal", "Customer", "Insight", "Engage", "Sales", "Service", "Orbit", "Bridge", "Beacon", "Compass", "Harvest", "Atlas", "Canvas", "Circle", "Forge"];
const nameEnds = ["GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "AB", "K.K.", "Pty Ltd", "S.r.l.", "Oy", "AS", "SAS"];
const countries = ["DE", "FR", "GB", "IE", "NL", "SE", "US", "US-CA", "CA-ON", "JP", "AU", "SG", "IN", "CH", "ES", "IT", "BR", "PL"];

const scopes: Scope[] = [
  { subjects: ["DE", "FR", "GB", "CA-QC"], categories: ["contact", "commercial"], sector: "general", subjectsCount: 850_000 },
  { subjects: ["DE", "AT", "CH"], categories: ["contact", "commercial", "financial"], sector: "finance", subjectsCount: 120_000 },
  { subjects: ["US", "CA"], categories: ["contact", "health"], sector: "health", subjectsCount: 40_000 },
  { subjects: ["GB", "IE"], categories: ["contact"], sector: "general", subjectsCount: 5_000 },
];

// Variations of the demo's answers that move tier and decision: a knockout that rejects, weaker controls, stronger ones.
const variations: DemoAnswers[] = [
  {},
  { "s14.own_use": ["service_metadata", "marketing"], "s14.own_use_details": "Contact data enriches our marketing network." },
  { "s1.pinning": "none", "s2.access_model": "standing", "s8.access_review": "ad_hoc", "s12.pentest": "less_often", "s7.tls_min": "older" },
  { "s1.pinning": "contract", "s2.access_model": "customer_approval", "s8.access_review": "quarterly", "s12.pentest": "yearly_shared", "s7.tls_min": "tls13" },
  { "s3.backup_encryption": "none" },
  { "s14.sale": "opt_out" },
];

const latestStates: [AssessmentStatus, number][] = [
  ["finalised", 0.55],
  ["in-progress", 0.1],
  ["sent", 0.08],
  ["in-review", 0.07],
  ["submitted", 0.06],
  ["returned", 0.05],
  ["draft", 0.09],
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function pickWeighted<T>(rand: () => number, items: readonly [T, number][]): T {
  let r = rand();
  for (const [item, weight] of items) {
    if (r < weight) return item;
    r -= weight;
  }
  return items[items.length - 1]![0];
}

function asAnswers(given: DemoAnswers): Answers {
  return Object.fromEntries(
    Object.entries(given).map(([id, v]) =>
      typeof v === "object" && v !== null && !Array.isArray(v) ? [id, { value: null, naReason: (v as { na: string }).na }] : [id, { value: v as never, naReason: null }],
    ),
  );
}

/** Fills an empty database with a large portfolio. Throws when the database already holds an organisation. */
export function seedLargePortfolio(db: DB, options: LargeSeedOptions = {}): LargeSeedResult {
  const vendorCount = options.vendors ?? 2_000;
  const assessmentCount = options.assessments ?? 10_000;
  if (assessmentCount < vendorCount) throw new Error("Give at least one assessment per vendor.");
  const now = options.now ?? new Date();
  const rand = random(options.seed ?? 20261123);
  const questionnaire = getLatestQuestionnaire("hosted-crm");
  if (!questionnaire) throw new Error('The large portfolio needs the "hosted-crm" questionnaire in questionnaires/.');
  const sqlite = db.$client;
  const existing = sqlite.prepare("select count(*) as n from organisations").get() as { n: number };
  if (existing.n > 0) {
    throw new Error("This database already holds data: the large portfolio only goes into an empty database, never over the demo.");
  }

  // Each distinct (answer set, scope) is scored once; vendors share them.
  const bases = demoVendors.slice(0, 3).map((v) => v.assessment.answers);
  const profiles: { answers: DemoAnswers; scope: Scope; score: ScoreResult }[] = [];
  for (const base of bases) {
    for (const variation of variations) {
      for (const scope of scopes) {
        const answers = { ...base, ...variation };
        const typed = asAnswers(answers);
        const { dataMap } = deriveDataMap(questionnaire, typed, scope);
        const score = scoreAssessment({ questionnaire, answers: typed, scope, residency: assessDataMap(dataMap), policyFindings: [], asOf: isoDay(now) });
        profiles.push({ answers, scope, score });
      }
    }
  }

  // The demo's answers lean to high tiers; a real portfolio has more medium and low vendors.
  const byTier = new Map<string, typeof profiles>();
  for (const p of profiles) {
    const key = p.score.tier?.tier ?? "none";
    byTier.set(key, [...(byTier.get(key) ?? []), p]);
  }
  const tierWeights: [string, number][] = [
    ["high", 0.3],
    ["medium", 0.4],
    ["low", 0.3],
  ];
  const pickProfile = () => {
    const group = byTier.get(pickWeighted(rand, tierWeights));
    return group && group.length > 0 ? pick(rand, group) : pick(rand, profiles);
  };

  const counts = Array.from({ length: vendorCount }, () => 1 + Math.floor(rand() * 9));
  let total = counts.reduce((a, b) => a + b, 0);
  while (total !== assessmentCount) {
    const i = Math.floor(rand() * vendorCount);
    if (total < assessmentCount && counts[i]! < 12) {
      counts[i]!++;
      total++;
    } else if (total > assessmentCount && counts[i]! > 1) {
      counts[i]!--;
      total--;
    }
  }

  const insertOrg = sqlite.prepare("insert into organisations (id, name, created_at) values (?, ?, ?)");
  const insertUser = sqlite.prepare("insert into users (id, organisation_id, email, name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)");
  const insertVendor = sqlite.prepare(
    "insert into vendors (id, organisation_id, name, service, website, country, tier, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAssessment = sqlite.prepare(
    `insert into assessments (id, organisation_id, vendor_id, questionnaire_id, questionnaire_version, questionnaire_hash,
      scope_subjects, scope_categories, scope_sector, scope_subjects_count, status, due_date, created_at, updated_at, submitted_at, finalised_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = sqlite.prepare(
    "insert into answers (id, assessment_id, question_id, value, na_reason, revision, answered_by, answered_at) values (?, ?, ?, ?, ?, 1, ?, ?)",
  );
  const insertSignOff = sqlite.prepare(
    `insert into sign_offs (id, organisation_id, assessment_id, decision, recommended_decision, reviewer_user_id, reviewer_name, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAcceptance = sqlite.prepare(
    `insert into risk_acceptances (id, organisation_id, assessment_id, finding_id, finding_title, finding_severity, reason, accepted_until, accepted_by_user_id, accepted_by, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateEntry = sqlite.prepare(
    `update portfolio_entries set latest_assessment_id = ?, latest_status = ?, latest_due_date = ?, basis_assessment_id = ?, basis = ?,
      tier = ?, decision = ?, decision_source = ?, open_findings = ?, knockouts = ?, residual_risk = ?, last_reviewed_on = ?,
      next_review_on = ?, acceptance_lapses_on = ?, stale = 0, refreshed_at = ? where vendor_id = ?`,
  );
  const toSignOff = { approve: "approved", "approve-with-conditions": "approved-with-conditions", reject: "rejected" } as const;

  let answerRows = 0;
  const seed = sqlite.transaction(() => {
    const organisationId = newId();
    const created = now.getTime() - 12 * 365 * DAY;
    insertOrg.run(organisationId, largeOrganisation.name, created);
    const userIds = new Map<UserRole, string>();
    for (const user of largeUsers) {
      const id = newId();
      userIds.set(user.role, id);
      insertUser.run(id, organisationId, user.email, user.name, user.role, hashPasswordSync(user.password), created);
    }
    const legalId = userIds.get("legal-reviewer")!;
    const legalName = largeUsers.find((u) => u.role === "legal-reviewer")!.name;
    const usedNames = new Set<string>();

    for (let v = 0; v < vendorCount; v++) {
      let name = `${pick(rand, nameStarts)} ${pick(rand, nameMiddles)} ${pick(rand, nameEnds)}`;
      for (let n = 2; usedNames.has(name); n++) name = `${name.replace(/ \d+$/, "")} ${n}`;
      usedNames.add(name);
      const profile = pickProfile();
      const tier = profile.score.tier?.tier ?? "medium";
      const months = defaultCadence[tier];
      const vendorId = newId();
      const country = pick(rand, countries);
      const cycles = counts[v]!;
      const latestState = cycles === 1 && rand() < 0.3 ? pickWeighted(rand, latestStates.filter(([s]) => s !== "finalised")) : pickWeighted(rand, latestStates);

      // The last finalisation falls anywhere in the last cadence and a half, so reviews are current, due and overdue.
      const lastFinal = now.getTime() - Math.floor(rand() * months * 1.5 * 30.4) * DAY - DAY;
      const plan: { status: AssessmentStatus; createdAt: number; finalisedAt: number | null; submittedAt: number | null; dueDate: string | null }[] = [];
      let finalAt = lastFinal;
      const finalisedCycles = latestState === "finalised" ? cycles : cycles - 1;
      for (let c = 0; c < finalisedCycles; c++) {
        const createdAt = finalAt - (45 + Math.floor(rand() * 60)) * DAY;
        plan.unshift({ status: "finalised", createdAt, finalisedAt: finalAt, submittedAt: finalAt - 10 * DAY, dueDate: isoDay(new Date(createdAt + 30 * DAY)) });
        finalAt = createdAt - Math.floor(months * 30.4 + (rand() - 0.5) * 60) * DAY;
      }
      if (latestState !== "finalised") {
        const createdAt = now.getTime() - Math.floor(rand() * 80) * DAY - DAY;
        const submitted = latestState === "submitted" || latestState === "in-review" || latestState === "returned";
        plan.push({
          status: latestState,
          createdAt,
          finalisedAt: null,
          submittedAt: submitted ? createdAt + 20 * DAY : null,
          dueDate: latestState === "draft" ? null : isoDay(new Date(createdAt + (20 + Math.floor(rand() * 40)) * DAY)),
        });
      }
      const vendorCreated = (plan[0]?.createdAt ?? now.getTime()) - 10 * DAY;
      insertVendor.run(vendorId, organisationId, name, `${name.split(" ").slice(0, 2).join(" ")} CRM`, null, country, null, vendorCreated, plan[plan.length - 1]!.createdAt);

      const ids = plan.map(() => newId());
      const basisIndex = plan.map((p) => p.status).lastIndexOf("finalised") >= 0
        ? plan.map((p) => p.status).lastIndexOf("finalised")
        : plan.findLastIndex((p) => p.status === "submitted" || p.status === "in-review");
      plan.forEach((p, i) => {
        const updatedAt = p.finalisedAt ?? p.submittedAt ?? p.createdAt;
        insertAssessment.run(
          ids[i],
          organisationId,
          vendorId,
          questionnaire.id,
          questionnaire.version,
          questionnaire.hash,
          JSON.stringify(profile.scope.subjects),
          JSON.stringify(profile.scope.categories as Category[]),
          profile.scope.sector,
          profile.scope.subjectsCount ?? null,
          p.status,
          p.dueDate,
          p.createdAt,
          updatedAt,
          p.submittedAt,
          p.finalisedAt,
        );
      });

      let decision: string | null = null;
      let decisionSource: string | null = null;
      let summary = summariseScore(null, [], isoDay(now));
      const basis = basisIndex >= 0 ? plan[basisIndex]! : null;
      if (basis) {
        const basisId = ids[basisIndex]!;
        const answeredAt = basis.submittedAt ?? basis.createdAt;
        for (const [questionId, given] of Object.entries(profile.answers)) {
          const notApplicable = typeof given === "object" && given !== null && !Array.isArray(given);
          insertAnswer.run(
            newId(),
            basisId,
            questionId,
            notApplicable ? null : JSON.stringify(given),
            notApplicable ? (given as { na: string }).na : null,
            `Compliance team, ${name}`,
            answeredAt,
          );
          answerRows++;
        }
        const accepted: { findingId: string; acceptedUntil: string }[] = [];
        const acceptable = profile.score.findings.filter((f) => f.severity !== "info" && f.source !== "knockout");
        if (basis.status === "finalised" && acceptable.length > 0 && rand() < 0.1) {
          const finding = pick(rand, acceptable);
          const until = isoDay(new Date(now.getTime() + (rand() < 0.8 ? 200 : -20) * DAY));
          insertAcceptance.run(newId(), organisationId, basisId, finding.id, finding.title, finding.severity, "Compensating control in our own contract.", until, legalId, legalName, basis.finalisedAt);
          accepted.push({ findingId: finding.id, acceptedUntil: until });
        }
        summary = summariseScore(profile.score, accepted, isoDay(now));
        if (basis.status === "finalised" && summary.recommended && rand() < 0.85) {
          insertSignOff.run(newId(), organisationId, basisId, toSignOff[summary.recommended], toSignOff[summary.recommended], legalId, legalName, basis.finalisedAt);
          decision = summary.recommended;
          decisionSource = "sign-off";
        } else if (summary.recommended) {
          decision = summary.recommended;
          decisionSource = "recommended";
        }
      }
      const latest = plan[plan.length - 1]!;
      const lastReviewedOn = basis?.finalisedAt ? isoDay(new Date(basis.finalisedAt)) : null;
      const entryTier = summary.tier;
      updateEntry.run(
        ids[ids.length - 1],
        latest.status,
        latest.dueDate,
        basis ? ids[basisIndex] : null,
        basis ? (basis.status === "finalised" ? "finalised" : "submitted") : null,
        entryTier,
        decision,
        decisionSource,
        summary.openFindings,
        summary.knockouts,
        summary.residualRisk,
        lastReviewedOn,
        nextReviewOn(lastReviewedOn, entryTier, defaultCadence),
        summary.acceptanceLapsesOn,
        now.getTime(),
        vendorId,
      );
    }
    return organisationId;
  });
  // The random ids of 150,000 answers land all over their indexes: a larger page cache halves the time.
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma("cache_size = -262144");
  let organisationId: string;
  try {
    organisationId = seed();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return { organisationId, vendors: vendorCount, assessments: assessmentCount, answers: answerRows };
}

