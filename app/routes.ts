import { type RouteConfig, index, route } from "@remix-run/route-config";

// Every URL the app answers is listed here, in one place.
export default [
  index("routes/dashboard.tsx"),
  route("vendors/:vendorId", "routes/vendor.tsx"),
  route("assessments/:assessmentId", "routes/assessment.tsx"),
  route("assessments/:assessmentId/sections/:sectionId", "routes/assessment-section.tsx"),
  route("assessments/:assessmentId/answers", "routes/assessment-answers.tsx"),
  route("assessments/:assessmentId/scope", "routes/assessment-scope.tsx"),
  route("assessments/:assessmentId/score", "routes/assessment-score.tsx"),
  route("assessments/:assessmentId/report", "routes/assessment-report.tsx"),
  route("assessments/:assessmentId/report.pdf", "routes/assessment-report-pdf.ts"),
  route("policy", "routes/policy.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("account", "routes/account.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password/:token", "routes/reset-password.tsx"),
  route("outbox", "routes/outbox.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
