import { DomainError } from '../errors';
import { Decider, Message, fold } from '../decider';

/**
 * Types no decider knows: one a newer version of Tally might write, and the names an object lookup
 * by type would find on every object's prototype.
 */
const UNKNOWN_EVENT_TYPES = [
  'SomethingNewHappened',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
];

/**
 * Given/when/then for deciders:
 *   spec(meterDecider).given([created]).when(updateCommand).then([updated]);
 *   spec(meterDecider).given([]).when(cmd).thenThrows('CATALOG.METER_SLUG_TAKEN');
 *   spec(meterDecider).given([created]).keepsStateOnUnknownEvents();
 */
export function deciderSpec<C extends Message, E extends Message, S>(decider: Decider<C, E, S>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, history));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            thenThrows(code: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
        /** An event of a type this code does not know leaves the state as it was: evolve neither throws nor forgets. */
        keepsStateOnUnknownEvents() {
          const before = fold(decider, history);
          for (const type of UNKNOWN_EVENT_TYPES) {
            for (const data of [{}, null, { id: 'x', status: 'deleted' }]) {
              const unknown = { type, data } as unknown as E;
              expect([type, decider.evolve(before, unknown)]).toEqual([type, before]);
              expect(fold(decider, [...history, unknown])).toEqual(before);
            }
          }
        },
      };
    },
  };
}
