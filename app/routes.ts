import { type RouteConfig, index, route } from "@remix-run/route-config";

// Every URL the app answers is listed here, in one place.
export default [
  index("routes/dashboard.tsx"),
  route("vendors/:vendorId", "routes/vendor.tsx"),
  route("assessments/:assessmentId", "routes/assessment.tsx"),
  route("policy", "routes/policy.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
