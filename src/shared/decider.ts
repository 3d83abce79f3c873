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
  /**
   * Applies one fact. Never throws: history is fact, even history this code would not decide today.
   * Built with `evolveByType`, so an event of a type it does not know leaves the state as it was.
   */
  readonly evolve: Evolve<Event, State>;
  /** Returns the new events, `[]` for an idempotent no-op, or throws a DomainError. */
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export function fold<Event extends Message, State>(
  decider: Pick<Decider<Message, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

declare const byType: unique symbol;

/** An `evolve` made by `evolveByType`: the only kind a `Decider` accepts. */
export type Evolve<Event extends Message, State> = ((state: State, event: Event) => State) & {
  readonly [byType]: true;
};

/** One function per event type the decider knows; the compiler checks that none is missing. */
export type Evolvers<Event extends Message, State> = {
  readonly [Type in Event['type']]: (state: State, event: Extract<Event, { type: Type }>) => State;
};

/**
 * Builds `evolve` from one function per known event type. An event of any other type — written by a
 * newer version of Tally, say — leaves the state as it was: a `switch` ending in `unreachable(event)`
 * made the unknown event the new state. The lookup is by own property only, so a type named like an
 * Object prototype member (`constructor`) is unknown too.
 */
export function evolveByType<Event extends Message, State>(
  evolvers: Evolvers<Event, State>,
): Evolve<Event, State> {
  const evolve = (state: State, event: Event): State => {
    if (!Object.hasOwn(evolvers, event.type)) return state;
    const known = evolvers[event.type as Event['type']] as (state: State, event: Event) => State;
    return known(state, event);
  };
  return evolve as Evolve<Event, State>;
}

/** Compile-time exhaustiveness for `switch (x.type)`; at run time it returns the value unchanged. */
export function unreachable(value: never): never {
  return value;
}
