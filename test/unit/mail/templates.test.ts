import { describe, expect, it } from "vitest";
import { answersDueSoonMail, returnedQuestionsMail, reviewReminderMail } from "~/mail/templates";

describe("mail texts", () => {
  it("a returned-questions mail lists each question with what the reviewer asks, and the due date", () => {
    const mail = returnedQuestionsMail({
      buyer: "Acme Retail",
      vendor: "Maple Ledger CRM Inc.",
      contactName: "Chloé Tremblay",
      reviewer: "Lea Moreau",
      questions: [
        { id: "s3.backup_encryption", text: "How are backups encrypted?", request: "Say which key service holds the backup keys." },
        { id: "s1.pinning", text: "Can our data be pinned to a region?", request: "Attach the contract clause." },
      ],
      dueDate: "2026-12-14",
    });
    expect(mail.subject).toBe("Acme Retail: 2 questions returned to Maple Ledger CRM Inc.");
    expect(mail.text.split("\n")).toEqual([
      "Hello Chloé Tremblay,",
      "",
      "Lea Moreau of Acme Retail has looked at your answers and asks you to look again at these 2 questions:",
      "",
      "1. How are backups encrypted? (s3.backup_encryption)",
      "   Say which key service holds the backup keys.",
      "",
      "2. Can our data be pinned to a region? (s1.pinning)",
      "   Attach the contract clause.",
      "",
      "Open the link of your invitation to change the answers and submit them again, by 14 Dec 2026.",
      "If you no longer have the link, ask Lea Moreau for a new one.",
    ]);
  });

  it("a reminder says when in words and in a date nobody can misread", () => {
    const common = { buyer: "Acme Retail", vendor: "Kairos Relations K.K.", contactName: "Ken", dueDate: "2026-12-21", answered: 3, required: 98, invitedOn: null, contactPerson: "Sam" };
    expect(answersDueSoonMail({ ...common, daysLeft: 0 }).subject).toBe("Reminder: Acme Retail's questionnaire for Kairos Relations K.K. is due today, on 21 Dec 2026");
    expect(answersDueSoonMail({ ...common, daysLeft: 1 }).subject).toContain("is due tomorrow, on 21 Dec 2026");
    const review = reviewReminderMail({
      buyer: "Acme Retail",
      recipientName: "Sam",
      vendor: "Northwind CRM GmbH",
      tier: "high",
      reviewOn: "2027-11-11",
      overdue: false,
      lastReviewedOn: "2026-11-11",
      startLink: "https://custodian.example/vendors/v1/next-cycle",
    });
    expect(review.subject).toBe("Review due: Northwind CRM GmbH is due for review on 11 Nov 2027");
    expect(review.text).toContain("The high-tier vendor Northwind CRM GmbH is due for its next review on 11 Nov 2027.");
    expect(review.text).toContain("\nhttps://custodian.example/vendors/v1/next-cycle\n");
  });
});
