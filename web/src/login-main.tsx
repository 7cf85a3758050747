import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { LoginPage } from './app/login-page.tsx'
import { parseLoginSearch } from './app/login-search.ts'
import { PublicShell } from './app/page-shell.tsx'
import './styles.css'

// A fresh load of /login (the server sends login.html): the login page with React alone, so the
// first thing most people open each day waits for no router, query cache or staff pages.
const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from login.html')
const search = parseLoginSearch(Object.fromEntries(new URLSearchParams(window.location.search)))
createRoot(container).render(
  <StrictMode>
    <PublicShell>
      <LoginPage {...search} />
    </PublicShell>
  </StrictMode>,
)
