/**
 * One way to tie a field to its problem: the field gets `aria-invalid` and `aria-describedby` pointing at the
 * message, rendered right under it (`<FieldProblem>`). `fieldId` is the field's own id; the message's id derives
 * from it.
 */
export const problemId = (fieldId: string) => `${fieldId}-error`;

export function invalidProps(fieldId: string, problem: string | undefined) {
  return problem ? { 'aria-invalid': true as const, 'aria-describedby': problemId(fieldId) } : {};
}

export function FieldProblem({ fieldId, problem }: { fieldId: string; problem: string | undefined }) {
  return problem ? (
    <p id={problemId(fieldId)} className="field-error">
      {problem}
    </p>
  ) : null;
}
