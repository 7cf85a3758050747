/**
 * Moves focus to an element once React has rendered it: a button that gives way to a form
 * continues in the form, and a closed form hands focus back to the button that opened it.
 */
export function focusSoon(id: string, fallbackId?: string) {
  requestAnimationFrame(() => {
    const target = document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null)
    target?.focus()
  })
}
