import { useEffect } from 'react'

export const PRODUCT_NAME = 'よりそい'

/** 「ページ名 | よりそい」: the page name first, so tabs and history stay tellable apart. */
export function useDocumentTitle(page: string) {
  useEffect(() => {
    document.title = page ? `${page} | ${PRODUCT_NAME}` : PRODUCT_NAME
  }, [page])
}
