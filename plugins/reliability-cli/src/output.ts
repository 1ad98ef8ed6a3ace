/** Where the validator writes. @public */
export interface ValidateOutput {
  out(line: string): void;
  err(line: string): void;
}
