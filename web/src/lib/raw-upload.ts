import { csrfTokenForRequest, isCsrfProblem, setCsrfToken } from './api-client.ts'
import { ApiError, asProblem, networkProblem } from './api-error.ts'

// A file sent as the raw request body (the ledger import), beside the JSON client in
// api-client.ts. XMLHttpRequest rather than fetch, because only it reports upload progress.

export interface UploadOptions {
  /** Defaults to the file's own type, or application/octet-stream when it has none. */
  contentType?: string
  /** Share of the file sent so far (0–1), or undefined when the browser cannot tell. */
  onProgress?: (fraction: number | undefined) => void
}

export interface UploadAnswer {
  status: number
  body: unknown
}

function sendOnce(url: string, file: File, token: string, options: UploadOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader('content-type', options.contentType ?? (file.type || 'application/octet-stream'))
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name))
    xhr.setRequestHeader('x-csrf-token', token)
    xhr.upload.onprogress = (e) => options.onProgress?.(e.lengthComputable ? e.loaded / e.total : undefined)
    xhr.onerror = () => reject(new ApiError(networkProblem()))
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        reject(new ApiError(networkProblem(xhr.status)))
        return
      }
      resolve({ status: xhr.status, body })
    }
    xhr.send(file)
  })
}

/**
 * POSTs a file as the request body with its name in x-file-name and the CSRF token. Answers
 * with the status and parsed JSON body whatever the status, so the caller can read a body
 * that reports errors (an import's error list); a CSRF failure is retried once with a new token.
 */
export async function uploadRaw(url: string, file: File, options: UploadOptions = {}): Promise<UploadAnswer> {
  const answer = await sendOnce(url, file, await csrfTokenForRequest(), options)
  if (answer.status === 403) {
    const error = new ApiError(asProblem(answer.body, answer.status))
    if (isCsrfProblem(error)) {
      setCsrfToken(undefined)
      return sendOnce(url, file, await csrfTokenForRequest(), options)
    }
  }
  return answer
}

/** Turns a non-2xx answer into the same ApiError the JSON client throws. */
export function problemOf(answer: UploadAnswer): ApiError {
  return new ApiError(asProblem(answer.body, answer.status))
}
