/** The SDK's version, reported as the tracer's instrumentation scope version. Kept in step with package.json by a test. */
export const SDK_VERSION = '0.1.0';
