/** A usage mistake on the command line: `sdte` exits 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
