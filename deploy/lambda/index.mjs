// The Lambda handler (Handler: index.handler): API Gateway HTTP API and function URL
// events, answered with the agora-token-service routes of `agora-token-desk serve`.
// Settings come from the function's environment variables (template.yaml).
export { handler } from 'agora-token-desk/lambda';
