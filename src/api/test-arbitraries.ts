/** fast-check generators for "anything a server might answer", shared by the api tests. */
import fc from 'fast-check';

// Weighted towards 200 so that the success paths get explored as much as the failures.
export const anyStatus = fc.oneof(
  { weight: 2, arbitrary: fc.constant(200) },
  { weight: 3, arbitrary: fc.integer({ min: 200, max: 599 }) },
);

const fieldValue = fc.oneof(
  { weight: 5, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.jsonValue() },
);

// Random text almost never looks like a contract answer, so without these bodies the
// success paths would hardly be explored either.
const answerLike = fc
  .tuple(
    fc.record(
      {
        success: fc.constantFrom(true, true, false, 'true', null),
        accessToken: fieldValue,
        username: fieldValue,
        email: fieldValue,
        error: fieldValue,
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  )
  .map(([fields, extra]) => JSON.stringify({ ...extra, ...fields }));

export const anyBody = fc.oneof(
  { weight: 4, arbitrary: answerLike },
  fc.string(),
  fc.json(),
  fc.anything().map((value) => JSON.stringify(value) ?? ''),
  fc.constantFrom('', ' \n', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'null'),
);
