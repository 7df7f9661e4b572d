/**
 * A state-changing admin request whose body is not declared as JSON (a form post, text/plain,
 * no Content-Type): refused with 415, because another site can send those with an admin's
 * session cookie and JSON it cannot (the browser asks first, and CORS refuses).
 */
export class UnsupportedMediaTypeError extends Error {
  // shaped as an http-errors error, so Medusa's error handler answers its status and message
  readonly status = 415
  readonly statusCode = 415
  readonly expose = true

  constructor(contentType: string | undefined) {
    super(
      `Unsupported Media Type: send the request as application/json${contentType ? `, not ${contentType}` : " (no Content-Type was given)"}`
    )
    this.name = "UnsupportedMediaTypeError"
  }
}
