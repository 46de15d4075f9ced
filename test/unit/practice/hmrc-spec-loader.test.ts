import { describe, expect, it } from 'vitest';
import { loadHmrcSpecs, removeTrailingCommas, stripHandlebars } from '../../support/hmrc-specs';

describe('spec text fixes', () => {
  it('keeps the enabled branch of {{#if}}...{{else}}...{{/if}} and drops the markers', () => {
    const text = [
      '{',
      '  "a": 1,',
      "  {{#if (enabled 'x')}}",
      '  "b": 2,',
      '  {{else}}',
      '  "b": 3,',
      '  {{/if}}',
      '  "c": 4',
      '}',
    ].join('\n');
    expect(JSON.parse(stripHandlebars(text))).toEqual({ a: 1, b: 2, c: 4 });
  });

  it('removes inline {{#unless}} tags but keeps their text; fixes trailing commas', () => {
    expect(
      stripHandlebars('"title": "{{#unless (released \'x\')}}[Test only] {{/unless}}TY"'),
    ).toBe('"title": "[Test only] TY"');
    expect(JSON.parse(removeTrailingCommas('{"a": [1, 2,], "b": 1,\n}'))).toEqual({
      a: [1, 2],
      b: 1,
    });
  });
});

const { specs, reason } = loadHmrcSpecs();

describe.skipIf(!specs)(`loading HMRC's specs (${reason})`, () => {
  it('finds the ITSA APIs the app and Practice HMRC are checked against', () => {
    // HMRC's spec folder grows as more APIs are added; the tests need these to be there.
    expect(specs?.apiNames()).toEqual(
      expect.arrayContaining([
        'business-details-api',
        'individual-calculations-api',
        'mtd-sa-test-support-api',
        'obligations-api',
        'property-business-api',
        'self-employment-business-api',
      ]),
    );
  });

  it('errorCodes covers per-endpoint files and common/errors.yaml', () => {
    const se = specs?.errorCodes('self-employment-business-api') ?? [];
    // Per-endpoint (legacy period create) and common-only codes are both there.
    expect(se).toEqual(
      expect.arrayContaining([
        'RULE_NOT_ALLOWED_CONSOLIDATED_EXPENSES',
        'RULE_OVERLAPPING_PERIOD',
        'FORMAT_CLASS_4_EXEMPTION_REASON',
        'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
      ]),
    );
    const ob = specs
      ?.errorCatalogue('obligations-api')
      .find((e) => e.code === 'NO_OBLIGATIONS_FOUND');
    expect(ob).toMatchObject({
      statuses: [404],
      operations: [
        'GET /obligations/details/{nino}/crystallisation',
        'GET /obligations/details/{nino}/income-and-expenditure',
      ],
    });
    expect(
      specs?.errorCodes(
        'individual-calculations-api',
        'post',
        '/individuals/calculations/{nino}/self-assessment/{taxYear}/trigger/{calculationType}',
      ),
    ).toContain('NO_VALID_INCOME_SOURCES');
  });

  it('documents 204s without a body, and knows undocumented statuses', () => {
    const t = '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}';
    expect(specs?.documentsStatus('self-employment-business-api', 'put', t, 204)).toBe(true);
    expect(specs?.responseSchema('self-employment-business-api', 'put', t, 204)).toBeUndefined();
    expect(specs?.documentsStatus('self-employment-business-api', 'put', t, 429)).toBe(false);
  });

  it('resolves $refs across files and validates bodies', () => {
    const schema = specs?.responseSchema(
      'business-details-api',
      'get',
      '/individuals/business/details/{nino}/list',
      200,
    );
    expect(
      schema?.({
        listOfBusinesses: [{ typeOfBusiness: 'self-employment', businessId: 'XAIS12345678910' }],
      }).valid,
    ).toBe(true);
    expect(
      schema?.({ listOfBusinesses: [{ typeOfBusiness: 'shop', businessId: 'XAIS12345678910' }] })
        .valid,
    ).toBe(false);
  });

  it('matches concrete paths to templates, preferring literal segments', () => {
    expect(
      specs?.matchPath(
        'business-details-api',
        'GET',
        '/individuals/business/details/AA000000A/list',
      ),
    ).toBe('/individuals/business/details/{nino}/list');
    expect(
      specs?.matchPath(
        'business-details-api',
        'GET',
        '/individuals/business/details/AA000000A/XAIS12345678910',
      ),
    ).toBe('/individuals/business/details/{nino}/{businessId}');
  });
});
