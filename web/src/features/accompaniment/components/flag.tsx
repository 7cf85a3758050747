/** A warning written out: an icon for the eye and words for everyone, never colour alone. */
export function Flag({ children }: { children: string }) {
  return (
    <strong className="mt-1 inline-flex items-center gap-1 rounded-4 border border-error-2 bg-red-50 px-2 text-dns-14B-130 text-error-2">
      <span aria-hidden="true">⚠</span>
      {children}
    </strong>
  )
}
