/** Every database a test run creates starts with this prefix, so leftovers can be swept. */
export const TEST_DB_PREFIX = "fg_test_";
export const TEMPLATE_DB = `${TEST_DB_PREFIX}template`;
