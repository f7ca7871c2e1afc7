import type { DisplayAnswer } from "./display";

/** A printed answer: text, a list, a link, paragraphs or a table; N/A with its reason. */
export function AnswerView({ answer, caption }: { answer: DisplayAnswer; caption?: string }) {
  switch (answer.kind) {
    case "unanswered":
      return <span className="answer-missing">Not answered</span>;
    case "not-applicable":
      return (
        <span>
          <strong>Not applicable:</strong> {answer.reason}
        </span>
      );
    case "text":
      return <span>{answer.text}</span>;
    case "link":
      return (
        <a href={answer.href} rel="noreferrer noopener nofollow">
          {answer.href}
        </a>
      );
    case "paragraphs":
      return (
        <div className="answer-paragraphs">
          {answer.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      );
    case "list":
      return answer.items.length === 1 ? (
        <span>{answer.items[0]}</span>
      ) : (
        <ul className="answer-items">
          {answer.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        <div className="table-wrap">
          <table className="data-table">
            {caption ? <caption className="visually-hidden">{caption}</caption> : null}
            <thead>
              <tr>
                <th scope="col">Row</th>
                {answer.columns.map((column, i) => (
                  <th scope="col" key={i}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((row, r) => (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
