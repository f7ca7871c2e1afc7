import * as z from "zod";

// One schema per form, shared by the page (Conform, in the browser) and the action.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .max(254, "Enter an email address of 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the right format, like name@example.com" }));

const code = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\s+/g, "") : value),
  z.string({ error: "Enter the 6-digit code from your authenticator app" }).regex(/^\d{6}$/, {
    error: "Enter the code as 6 digits, like 123456",
  }),
);

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).max(1024, "Enter a password of 1,024 characters or fewer"),
  redirectTo: z.string().optional(),
});

export const LoginCodeSchema = z.object({
  code,
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email });

export const NewPasswordSchema = z
  .object({
    password: z
      .string({ error: "Enter a new password" })
      .min(PASSWORD_MIN_LENGTH, `Enter a password of at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `Enter a password of ${PASSWORD_MAX_LENGTH} characters or fewer`),
    confirmPassword: z.string({ error: "Enter the new password again" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords do not match: enter the same password twice",
  });

export const TotpCodeSchema = z.object({ code });
