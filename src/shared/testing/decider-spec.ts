import { DomainError } from '../errors';
import { Decider, Message, fold } from '../decider';

/**
 * Given/when/then for deciders:
 *   spec(meterDecider).given([created]).when(updateCommand).then([updated]);
 *   spec(meterDecider).given([]).when(cmd).thenThrows('CATALOG.METER_SLUG_TAKEN');
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
      };
    },
  };
}
