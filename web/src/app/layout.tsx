import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link, Outlet, useNavigate } from '@tanstack/react-router'
import { labelOf, ROLES } from '#shared/codes.ts'
import { logout } from '#shared/contracts/auth.ts'
import { receivesInquiryNotices } from '#shared/contracts/mail.ts'
import { Button } from '#web/components/ui/button.tsx'
import { callApi, setCsrfToken } from '#web/lib/api-client.ts'
import { useMe } from '#web/lib/session.ts'
import { NavBar } from './nav-bar.tsx'
import { Brand, Footer, Main, PublicShell, SkipLink } from './page-shell.tsx'
import { SiteMenu } from './site-menu.tsx'

export function PublicLayout() {
  return (
    <PublicShell>
      <Outlet />
    </PublicShell>
  )
}

export function AppLayout() {
  const me = useMe()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const signOut = useMutation({
    mutationFn: () => callApi(logout, {}),
    onSettled: async () => {
      // Forget everything the session could read, so the next person at this desk sees nothing.
      setCsrfToken(undefined)
      queryClient.clear()
      await navigate({ to: '/login', search: { city: me.cityId } })
    },
  })

  const account = (
    <>
      <p className="text-std-16N-170">
        <span className="text-std-16B-170">{me.name}</span>
        <span className="ml-2 text-solid-gray-800">
          （{labelOf(ROLES, me.role)}・{me.unit.name}）
        </span>
      </p>
      <Link to="/account/two-factor" className="text-std-16N-170">
        2段階認証
      </Link>
      {receivesInquiryNotices(me.role) && (
        <Link to="/account/mail" className="text-std-16N-170">
          メール通知
        </Link>
      )}
      <Button variant="secondary" size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        ログアウト
      </Button>
    </>
  )

  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-solid-gray-300">
        <SiteMenu
          brand={<Brand city={me.cityName} />}
          wide={<div className="flex flex-wrap items-center gap-4">{account}</div>}
        >
          {/* On small screens the account links open with the menu; from md up they sit beside the brand. */}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-solid-gray-300 px-4 py-3 md:hidden">
            {account}
          </div>
          <NavBar can={me.can} />
        </SiteMenu>
      </header>
      <Main>
        <Outlet />
      </Main>
      <Footer />
    </div>
  )
}
