import type { AssessmentStatus } from "#db/schema";

/** Where the vendor stands, in plain words: never the buyer's scores, findings or decision. */
export function vendorStatusWords(status: AssessmentStatus): { title: string; text: string } {
  switch (status) {
    case "draft":
    case "sent":
      return { title: "Not started", text: "Answer the questions section by section. Your answers are saved as you go, and you can come back any time while your link works." };
    case "in-progress":
      return { title: "In progress", text: "Your answers are saved. When every required question is answered, check your answers and submit them." };
    case "returned":
      return { title: "Questions returned to you", text: "The buyer has asked for more on some answers. Change them, then check your answers and submit again." };
    case "submitted":
    case "in-review":
      return { title: "Submitted", text: "You have submitted your answers. The buyer is reviewing them and will contact you if they need more." };
    case "finalised":
      return { title: "Review complete", text: "The buyer has completed its review. Thank you for your answers." };
  }
}
