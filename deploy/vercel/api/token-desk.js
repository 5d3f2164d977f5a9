// Every path reaches this one function (vercel.json rewrites them all here); it answers
// with the agora-token-service routes of `agora-token-desk serve`. Settings come from the
// project's environment variables: APP_ID, APP_CERTIFICATE, PROJECTS, CORS_ALLOW_ORIGIN,
// AUTH_API_KEYS.
export { default } from 'agora-token-desk/vercel';
