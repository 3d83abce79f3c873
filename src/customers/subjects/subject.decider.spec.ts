import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import { Subject, SubjectEvent, UpsertSubject, subjectDecider } from './subject.decider';

const NOW = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';
const spec = deciderSpec(subjectDecider);

const upsert = (data: Partial<UpsertSubject['data']> = {}, now = NOW): UpsertSubject => ({
  type: 'UpsertSubject',
  data: { id: 'subject-1', namespace: 'default', key: 'acme-web', now, ...data },
});
const subject: Subject = {
  id: 'subject-1',
  namespace: 'default',
  key: 'acme-web',
  displayName: 'Acme web',
  metadata: { hubspotId: 123, tags: ['a'] },
  createdAt: NOW,
  updatedAt: NOW,
};
const upserted: SubjectEvent = { type: 'SubjectUpserted', data: subject };

describe('subject decider', () => {
  it('creates a subject with what is given, metadata of any JSON', () => {
    spec
      .given([])
      .when(upsert({ displayName: 'Acme web', metadata: { hubspotId: 123, tags: ['a'] } }))
      .then([upserted]);
  });

  it('updates in part: what is left out is kept, null clears, the same again is a no-op', () => {
    spec
      .given([upserted])
      .when(upsert({ id: 'ignored', displayName: null, stripeCustomerId: 'cus_1' }, LATER))
      .then([
        {
          type: 'SubjectUpserted',
          data: {
            id: 'subject-1',
            namespace: 'default',
            key: 'acme-web',
            metadata: subject.metadata,
            stripeCustomerId: 'cus_1',
            createdAt: NOW,
            updatedAt: LATER,
          },
        },
      ]);
    spec
      .given([upserted])
      .when(upsert({ displayName: 'Acme web' }, LATER))
      .then([]);
  });

  it('keeps the period instants in UTC', () => {
    const [event] = subjectDecider.decide(
      upsert({ currentPeriodStart: '2024-01-01T01:00:00+01:00' }),
      subjectDecider.initialState(),
    );
    expect(event.data).toMatchObject({ currentPeriodStart: '2024-01-01T00:00:00.000Z' });
  });

  it('refuses malformed fields, all at once', () => {
    expect(
      problemCodes(
        rejection(
          subjectDecider,
          [],
          upsert({ key: '', displayName: 4 as never, metadata: [] as never, currentPeriodEnd: 'soon' }),
        ).problems,
      ),
    ).toEqual({
      key: 'SUBJECTS.INVALID',
      displayName: 'SUBJECTS.INVALID',
      metadata: 'SUBJECTS.INVALID',
      currentPeriodEnd: 'SUBJECTS.INVALID',
    });
  });

  it('deletes a live subject, idempotently; a key upserted after its delete is a new subject', () => {
    const deleted: SubjectEvent = {
      type: 'SubjectDeleted',
      data: { id: 'subject-1', namespace: 'default', key: 'acme-web', at: LATER },
    };
    const remove = {
      type: 'DeleteSubject' as const,
      data: { namespace: 'default', key: 'acme-web', now: LATER },
    };
    spec.given([upserted]).when(remove).then([deleted]);
    spec.given([upserted, deleted]).when(remove).then([]);
    spec.given([]).when(remove).thenThrows('SUBJECTS.NOT_FOUND');
    const [again] = subjectDecider.decide(
      upsert({ id: 'subject-2' }, LATER),
      fold(subjectDecider, [upserted, deleted]),
    );
    expect(again.data).toMatchObject({ id: 'subject-2', createdAt: LATER });
    expect(again.data).not.toHaveProperty('displayName');
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [[], [upserted]]) spec.given(history).keepsStateOnUnknownEvents();
  });
});
