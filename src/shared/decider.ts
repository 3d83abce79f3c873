/**
 * The decider pattern: state is a fold of past events, and a decision is a pure function of a
 * command and that state. Nothing here may read the clock or generate ids: they arrive on the command.
 */
export type Message<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export interface Decider<Command extends Message, Event extends Message, State> {
  readonly initialState: () => State;
  /** Applies one fact. Never throws: history is fact, even history this code would not decide today. */
  readonly evolve: (state: State, event: Event) => State;
  /** Returns the new events, `[]` for an idempotent no-op, or throws a DomainError. */
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export function fold<Event extends Message, State>(
  decider: Pick<Decider<Message, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Compile-time exhaustiveness for `switch (x.type)`; at run time it returns the value unchanged. */
export function unreachable(value: never): never {
  return value;
}
