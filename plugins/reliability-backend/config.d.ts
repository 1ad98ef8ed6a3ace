export interface Config {
  /** Configuration of the reliability plugin suite. */
  reliability?: {};
}
