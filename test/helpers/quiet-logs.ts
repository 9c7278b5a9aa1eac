// Request logs are noise in test output; TEST_LOGS=1 brings them back when debugging.
if (!process.env.TEST_LOGS) process.env.LOG_LEVEL = 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
