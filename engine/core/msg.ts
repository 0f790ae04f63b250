/** A message between nodes: plain data with a `type` tag. Never mutated once sent. */
export interface Msg {
  readonly type: string;
}
