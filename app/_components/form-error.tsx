export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p data-testid="form-error" className="rounded border border-red-200 bg-red-50 px-2 py-1.5 text-red-700">
      {message}
    </p>
  );
}
