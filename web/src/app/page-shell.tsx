import type { ReactNode } from 'react'

// The parts every page's frame shares, with React alone: the login page's first load
// (login-main.tsx) uses them without the router (layout.tsx builds the app's frames from them).

// <main> has tabindex=-1, so following the fragment moves focus there, not only the scroll position.
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 bg-white p-3 text-std-16B-170 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      本文へスキップ
    </a>
  )
}

export function Brand({ city }: { city?: string | undefined }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3">
      <span className="text-std-24B-150">
        よりそい<span className="ml-1 text-std-16N-170 text-solid-gray-700">（寄り添い）</span>
      </span>
      {city && <span className="text-std-16N-170 text-solid-gray-800">{city}</span>}
    </div>
  )
}

export function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
      {children}
    </main>
  )
}

export function Footer() {
  return (
    <footer className="border-t border-solid-gray-300 bg-solid-gray-50 px-4 py-4 text-std-16N-170 text-solid-gray-800">
      <p className="mx-auto max-w-6xl">よりそい ひきこもり地域支援 ケース管理</p>
    </footer>
  )
}

/** The frame of pages anyone may open (login, one-time password links). */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-solid-gray-300 px-4 py-3">
        <div className="mx-auto max-w-6xl">
          <Brand />
        </div>
      </header>
      <Main>{children}</Main>
      <Footer />
    </div>
  )
}
