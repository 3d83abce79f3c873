import { invalid } from '../errors';
import { jsonPathOf, problemFrom } from './problem';

describe('problems as OpenMeter shapes them', () => {
  it('names each invalid field as a JSONPath under extensions.validationErrors', () => {
    const answer = problemFrom(
      invalid('CATALOG.PLAN_INVALID', 'Plan p is not valid', [
        { field: 'phases[0].rateCards[1].billingCadence', message: 'must equal', code: 'CATALOG.CADENCE' },
      ]),
      '/api/v1/plans',
    );
    expect(answer).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Plan p is not valid',
      extensions: {
        validationErrors: [
          {
            field: '$.phases[0].rateCards[1].billingCadence',
            code: 'CATALOG.CADENCE',
            message: 'must equal',
          },
        ],
      },
    });
  });

  it("writes Tally's field names as OpenMeter's paths", () => {
    expect(
      [
        'body.name',
        'name',
        'events[3].data.value',
        'filterGroupBy[model]',
        'body',
        "a[it's]",
        'bodyweight',
      ].map(jsonPathOf),
    ).toEqual([
      '$.name',
      '$.name',
      '$.events[3].data.value',
      "$.filterGroupBy['model']",
      '$',
      "$.a['it\\'s']",
      '$.bodyweight',
    ]);
  });

  it("titles each status as OpenMeter's Go server does", () => {
    expect(problemFrom(new Error('x')).title).toBe('Internal Server Error');
    expect(problemFrom({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'big' }).title).toBe(
      'Request Entity Too Large',
    );
  });
});
